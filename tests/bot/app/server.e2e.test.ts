import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { botWithConnector, RunningBot, startBot, TEST_APP_CREDENTIALS } from '../../helpers/runningBot';

const REPLAY_TOOL = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'replay-teams.mjs');

function teamsMessage(serviceUrl: string, text: string) {
  return {
    type: 'message',
    id: `m-${Date.now()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Sam Worker', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Workforce Assistant' },
    text,
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('HTTP server, end to end', () => {
  const suite = botWithConnector();
  const { connector } = suite;

  it('answers a real question through /api/messages and the connector', async () => {
    const before = connector.messages().length;
    const res = await post(suite.bot.url, teamsMessage(suite.serviceUrl, 'whats a caf?'));
    expect(res.status).to.be.oneOf([200, 201, 202]);
    const sent = connector.messages().slice(before);
    expect(sent).to.have.length(1);
    const card = (sent[0].attachments as { content: { fallbackText: string; version: string } }[])[0].content;
    expect(card.version).to.equal('1.5');
    expect(card.fallbackText).to.match(/^Common Assessment Framework \(CAF\)/);
    expect((sent[0].conversation as { id: string }).id).to.equal('a:personal-1');
  });

  it('sends only cards the Adaptive Cards SDK accepts', async () => {
    // Sends a card of its own, so the check has something to look at even when this test runs alone.
    const before = connector.messages().length;
    expect((await post(suite.bot.url, teamsMessage(suite.serviceUrl, 'what is TAC'))).status).to.be.oneOf([200, 201, 202]);
    const cards = connector
      .messages()
      .slice(before)
      .flatMap((m) => (m.attachments as { contentType?: string }[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cards, 'an Adaptive Card was sent').to.not.be.empty;
    expect(connector.cardProblems()).to.deep.equal([]);
  });

  it('reports health with the version and knowledge base size', async () => {
    const res = await fetch(`${suite.bot.url}/healthz`);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { status: string; version: string; knowledgeBase: { entries: number } };
    expect(body.status).to.equal('ok');
    expect(body.version).to.equal('0.0.0-test');
    expect(body.knowledgeBase.entries).to.be.greaterThan(100);
  });

  it('serves Prometheus metrics counting turns and decisions', async () => {
    await post(suite.bot.url, teamsMessage(suite.serviceUrl, 'recipe for banana bread'));
    const text = await (await fetch(`${suite.bot.url}/metrics`)).text();
    expect(text).to.match(/staffbot_turns_total\{channel="msteams",type="message"\} \d+/);
    expect(text).to.match(/staffbot_answers_total\{decision="unknown"\} [1-9]/);
    expect(text).to.match(/staffbot_turn_duration_seconds_bucket/);
  });

  const badBodies: [string, string | unknown][] = [
    ['malformed JSON', '{"type": "message", '],
    ['a JSON array', '[1,2,3]'],
    ['an object without a type', { text: 'hi' }],
    ['a non-http serviceUrl', { type: 'message', serviceUrl: 'file:///etc/passwd', conversation: { id: 'x' } }],
    ['a conversation without an id', { type: 'message', conversation: 'x' }],
    ['a bad timestamp', { type: 'message', timestamp: 'yesterday-ish' }],
  ];
  for (const [name, body] of badBodies) {
    it(`answers 400, not 500, to ${name}`, async () => {
      const res = await post(suite.bot.url, body);
      expect(res.status).to.equal(400);
    });
  }

  it('answers 413 to an oversized body', async () => {
    const res = await post(suite.bot.url, teamsMessage(suite.serviceUrl, 'x'.repeat(300 * 1024)));
    expect(res.status).to.equal(413);
  });

  it('handles a 10,000 character message and an attachment-only message without failing', async () => {
    const before = connector.messages().length;
    expect((await post(suite.bot.url, teamsMessage(suite.serviceUrl, `what is TAC ${'more '.repeat(2000)}`))).status).to.be.oneOf([200, 201, 202]);
    const attachmentOnly = {
      ...teamsMessage(suite.serviceUrl, ''),
      text: undefined,
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }],
    };
    expect((await post(suite.bot.url, attachmentOnly)).status).to.be.oneOf([200, 201, 202]);
    const sent = connector
      .messages()
      .slice(before)
      .map((m) => JSON.stringify(m));
    expect(sent[0]).to.match(/first 1,000 characters/);
    expect(sent[1]).to.match(/couldn't find a question/);
  });

  it('passes every recorded Teams activity in shared/fixtures (replay-teams.mjs)', async function () {
    if (!fs.existsSync(REPLAY_TOOL)) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${REPLAY_TOOL} is missing: the ../shared checkout must be beside the project in CI`);
      console.log(`      skipped: ${REPLAY_TOOL} is not beside this checkout`);
      this.skip();
    }
    this.timeout(60000);
    // The tool exits non-zero on any failure, which rejects; its output says which fixture failed.
    const run = await promisify(execFile)(process.execPath, [REPLAY_TOOL, '--bot', `${suite.bot.url}/api/messages`], { timeout: 60000 }).catch(
      (err: { stdout?: string; stderr?: string }) => ({ stdout: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
    );
    expect(run.stdout).to.match(/20 passed, 0 failed/);
  });
});

describe('HTTP server with Bot Framework credentials', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot(TEST_APP_CREDENTIALS);
  });
  after(() => bot.stop());

  it('rejects an unsigned request with 401', async () => {
    // The SDK prints the refused request to the console; keep the test output readable.
    const original = console.error;
    console.error = () => undefined;
    try {
      const res = await post(bot.url, teamsMessage('http://127.0.0.1:9/', 'whats a caf'));
      expect(res.status).to.equal(401);
    } finally {
      console.error = original;
    }
  });
});
