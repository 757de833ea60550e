import vm from 'node:vm';
import zlib from 'node:zlib';
import { expect } from 'chai';
import { cspOf } from '../../helpers/cspOf';
import { RunningBot, startBot, TEST_APP_CREDENTIALS } from '../../helpers/runningBot';

describe('web chat page and its files (HTTP)', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ WEBCHAT_EMBED_ORIGINS: 'https://intranet.example.gov.uk' });
  });
  after(() => bot.stop());

  it('serves the page with the bot name, a nonce on every script, and no inline script', async () => {
    const res = await fetch(`${bot.url}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).to.contain('<title>Ask a question – Children&#39;s Workforce Assistant</title>');
    expect(html).to.contain('<html lang="en-GB"');
    const nonce = /'nonce-([^']+)'/.exec(cspOf(res).get('script-src')!)![1];
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => /src="([^"?]+)/.exec(s[1])?.[1])).to.deep.equal(['/webchat/webchat.js', '/webchat/page.js']);
    for (const [, attributes, body] of scripts) {
      expect(attributes).to.contain(`nonce="${nonce}"`);
      expect(body.trim(), 'no inline script').to.equal('');
    }
    expect(html).to.not.match(/\son[a-z]+=/i);
    expect(html, 'no CDN').to.not.match(/https?:\/\/(?!localhost)[a-z]/i);
  });

  it('sends a strict Content-Security-Policy with a fresh nonce each time, and the other security headers', async () => {
    const first = await fetch(`${bot.url}/`);
    const second = await fetch(`${bot.url}/`);
    const csp = cspOf(first);
    expect(csp.get('default-src')).to.equal("'none'");
    expect(csp.get('script-src')).to.match(/^'self' 'nonce-[A-Za-z0-9+/=]{24}'$/);
    expect(csp.get('style-src')).to.contain("'self' 'nonce-");
    expect(csp.get('connect-src')).to.equal("'self'");
    expect(csp.get('object-src')).to.equal("'none'");
    expect(csp.get('base-uri')).to.equal("'none'");
    expect(csp.get('frame-ancestors')).to.equal("'self' https://intranet.example.gov.uk");
    expect([...csp.values()].join(' ')).to.not.contain('unsafe-eval');
    expect(csp.get('script-src')).to.not.contain('unsafe-inline');
    expect(cspOf(second).get('script-src')).to.not.equal(csp.get('script-src'));
    expect(first.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(first.headers.get('referrer-policy')).to.equal('no-referrer');
    expect(first.headers.get('cross-origin-opener-policy')).to.equal('same-origin');
    expect(first.headers.get('permissions-policy')).to.contain('microphone=()');
    expect(first.headers.get('cache-control')).to.equal('no-store');
  });

  it('serves the compact page for the embed widget', async () => {
    const html = await (await fetch(`${bot.url}/?embed=1`)).text();
    expect(html).to.contain('data-embedded="true"');
    expect(html).to.contain('<main class="app-embedded__main" id="main-content">');
    expect(html).to.not.contain('govuk-header');
  });

  const assets: [string, string][] = [
    ['/webchat/webchat.js', 'text/javascript; charset=utf-8'],
    ['/webchat/page.js', 'text/javascript; charset=utf-8'],
    ['/webchat/page.css', 'text/css; charset=utf-8'],
    ['/webchat/govuk-frontend.min.css', 'text/css; charset=utf-8'],
    ['/webchat/favicon.svg', 'image/svg+xml'],
    ['/embed.js', 'text/javascript; charset=utf-8'],
  ];
  for (const [path, type] of assets) {
    it(`serves ${path} from the bot itself, gzipped and revalidated by ETag`, async () => {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal(type);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-encoding')).to.equal('gzip');
      expect((await res.arrayBuffer()).byteLength).to.be.greaterThan(0);
      const again = await fetch(`${bot.url}${path}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
      expect(again.status).to.equal(304);
    });
  }

  it("serves Web Chat's own prebuilt bundle", async () => {
    const res = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).to.equal(null);
    const text = await res.text();
    expect(text.length).to.be.greaterThan(1_000_000);
    expect(text).to.contain('renderWebChat');
  });

  it('serves GOV.UK Frontend styles without the GDS Transport typeface (not licensed outside GOV.UK)', async () => {
    const css = await (await fetch(`${bot.url}/webchat/govuk-frontend.min.css`)).text();
    expect(css).to.contain('.govuk-header');
    expect(css).to.not.contain('GDS Transport');
    expect(css).to.not.contain('/assets/fonts/');
    expect(css).to.contain('font-family:arial,sans-serif');
  });

  it('lets other origins load /embed.js, which is valid JavaScript naming the bot', async () => {
    const res = await fetch(`${bot.url}/embed.js`);
    expect(res.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
    const js = await res.text();
    expect(() => new vm.Script(js)).to.not.throw();
    expect(js).to.contain('"Children\'s Workforce Assistant"');
    expect((await fetch(`${bot.url}/webchat/page.js`)).headers.get('cross-origin-resource-policy')).to.equal('same-origin');
  });

  it('sends the uncompressed body to a client that does not take gzip', async () => {
    const res = await fetch(`${bot.url}/webchat/page.css`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(() => zlib.gunzipSync(body)).to.throw();
    expect(body.toString()).to.contain('.app-chat');
  });
});

describe('web chat page in Azure Direct Line mode', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ DIRECT_LINE_SECRET: 'secret', DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com' });
  });
  after(() => bot.stop());

  it('lets the page reach Azure Direct Line over HTTPS and WebSockets, and only framed by itself', async () => {
    const res = await fetch(`${bot.url}/`);
    const csp = cspOf(res);
    expect(csp.get('connect-src')).to.equal("'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com");
    expect(csp.get('frame-ancestors')).to.equal("'self'");
    expect(res.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
    expect(await res.text()).to.not.contain('secret');
  });
});

describe('web chat page when web chat is not set up', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot(TEST_APP_CREDENTIALS);
  });
  after(() => bot.stop());

  it('says so instead of loading a chat that cannot connect', async () => {
    const html = await (await fetch(`${bot.url}/`)).text();
    expect(html).to.contain('Web chat is not set up on this server yet');
    expect(html).to.not.contain('<script');
  });
});
