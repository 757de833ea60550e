import { expect } from 'chai';
import { createManifest } from '../../../manifest/createManifest';
import { loadManifestConfig } from '../../../manifest/manifestConfig';
import { paragraphsOf } from '../../../bot/webchat/policyPage';
import { botWithConnector } from '../../helpers/runningBot';

describe('/privacy and /terms', () => {
  const suite = botWithConnector({ TERMS_OF_USE: 'For work use only.\\n\\nNot <b>advice</b>.' });

  it('serves the privacy notice the app package links to, saying how to export and delete data', async () => {
    const res = await fetch(`${suite.bot.url}/privacy`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/text\/html/);
    expect(res.headers.get('content-security-policy')).to.match(/default-src 'none'/);
    const html = await res.text();
    expect(html)
      .to.match(/<h1[^>]*>Privacy notice<\/h1>/)
      .and.match(/export my data/)
      .and.match(/delete my data/);
    expect((await fetch(`${suite.bot.url}/webchat/govuk-frontend.min.css`)).status).to.equal(200);
  });

  it('serves the configured terms of use, escaped, one paragraph per block', async () => {
    const html = await (await fetch(`${suite.bot.url}/terms`)).text();
    expect(html).to.include('<p class="govuk-body">For work use only.</p>').and.include('Not &lt;b&gt;advice&lt;/b&gt;.');
  });

  it('is where the manifest points by default', () => {
    const manifest = createManifest(
      loadManifestConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000099', BOT_DOMAIN: 'bot.council.example.gov.uk' }, '1.0.0'),
    );
    expect(manifest.developer.privacyUrl).to.equal('https://bot.council.example.gov.uk/privacy');
    expect(manifest.developer.termsOfUseUrl).to.equal('https://bot.council.example.gov.uk/terms');
  });

  it('splits configured text on blank lines', () => {
    expect(paragraphsOf('a\n\nb\\n\\nc\n')).to.deep.equal(['a', 'b', 'c']);
  });
});
