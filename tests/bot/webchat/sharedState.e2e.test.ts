import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { startBotProcess, stopProcess } from '../../bench/benchUtil';
import { DirectLineClient, shownText } from '../../helpers/directLineClient';
import { ConnectionStatus, OfficialClient } from '../../helpers/directLineJs';
import { RoundRobinProxy } from '../../helpers/roundRobinProxy';
import { startBot } from '../../helpers/runningBot';
import { openTestDatabase, postgresAvailability, TestDatabase } from '../../helpers/testDatabase';
import { redisUrlForTests } from '../../helpers/testRedis';
import { FIXED_NOW } from '../../helpers/testServices';

const BOT = ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '..', '..', '..', 'bot', 'app', 'index.ts')];
const QUESTIONS = ['what is a lead professional', 'what does TAC mean', 'what is a CAF', 'what is the Common Core', 'what is ContactPoint', 'who was CWDC'];

/** Bot processes behind a round-robin proxy, as replicas behind a load balancer (or one process, restarted in place). */
class Replicas {
  readonly processes: ChildProcess[] = [];
  /** Each replica's own address, behind the proxy. */
  readonly urls: string[] = [];
  /** Clients started here, ended on stop even when a test failed before ending them. */
  private readonly clients: OfficialClient[] = [];
  proxy!: RoundRobinProxy;
  url = '';

  constructor(
    private readonly count: number,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    // One at a time: a shared machine starts two at once no faster, and a failure leaves fewer behind.
    for (let i = 0; i < this.count; i++) {
      const started = await startBotProcess(BOT, this.env);
      this.processes.push(started.child);
      this.urls.push(started.url);
    }
    this.proxy = new RoundRobinProxy(this.urls);
    this.url = await this.proxy.start();
  }

  /** Stops one replica as a deployment does (SIGTERM), then starts it again on the same database. */
  async restart(index: number): Promise<void> {
    await stopProcess(this.processes[index]);
    const again = await startBotProcess(BOT, this.env);
    this.processes[index] = again.child;
    this.urls[index] = again.url;
    this.proxy.replace(index, again.url);
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.end();
    await this.proxy?.stop();
    await Promise.all(this.processes.map((p) => stopProcess(p)));
  }

  /** A client started the way the page starts one: the page's credential from the token route, then the official client. */
  async client(webSocket: boolean): Promise<OfficialClient> {
    const given = await new DirectLineClient(this.url).pageToken();
    expect(given.status).to.equal(200);
    const client = new OfficialClient(`${this.url}/v3/directline`, given.body.token, webSocket);
    this.clients.push(client);
    await client.status(ConnectionStatus.Online);
    return client;
  }
}

/** Asks a question through the official client and checks the answer arrived exactly once. */
async function ask(client: OfficialClient, text: string, clientId: string): Promise<void> {
  const id = await client.post(text, clientId);
  // After a restart the client's stream comes back on its own schedule (3 s, then every 20 s while the server is down).
  const replies = await client.replyTo(id, 60000);
  expect(replies, `one answer to "${text}"`).to.have.length(1);
  expect(shownText(replies[0]), `the answer to "${text}"`).to.not.equal('');
}

/** Every activity the client saw, once each, with gapless watermarks from the first. */
function expectWholeConversation(client: OfficialClient): void {
  expect(client.duplicates(), 'no activity twice').to.deep.equal([]);
  const seqs = client.received.map((a) => Number(a.id.split('|')[1]));
  expect(seqs, 'every activity, in order').to.deep.equal(seqs.map((_, i) => i + 1));
}

const pg = postgresAvailability();
const redisUrl = pg.url ? redisUrlForTests() : undefined;
const variants: [string, Record<string, string>][] = pg.url
  ? [['PostgreSQL, LISTEN/NOTIFY', {}], ...(redisUrl ? [['PostgreSQL and Redis', { REDIS_URL: redisUrl }] as [string, Record<string, string>]] : [])]
  : [];

for (const [name, extra] of variants) {
  describe(`web chat on two replicas (${name}) with the official Direct Line client`, function () {
    this.timeout(180000);
    let test: TestDatabase;
    let replicas: Replicas;

    before(async () => {
      test = await openTestDatabase('postgres');
      // The proxy in front says who the client is; twenty new chats a minute per address.
      replicas = new Replicas(2, { REDIS_URL: '', WEBCHAT_PROXY_HOPS: '1', WEBCHAT_STARTS_PER_MINUTE: '20', ...test.env, ...extra });
      await replicas.start();
    });
    after(async () => {
      await replicas?.stop();
      await test?.cleanup();
    });

    for (const webSocket of [false, true]) {
      const mode = webSocket ? 'WebSocket' : 'polling';
      it(`carries one conversation across both replicas (${mode}): every answer arrives once, in order, whichever replica produced it`, async () => {
        const before = new Map(replicas.proxy.served);
        const client = await replicas.client(webSocket);
        for (const [i, q] of QUESTIONS.entries()) await ask(client, q, `${mode}-${i}`);
        expectWholeConversation(client);
        for (const [backend, count] of replicas.proxy.served) expect(count - (before.get(backend) ?? 0), `${backend} served part of it`).to.be.greaterThan(2);
        client.end();
      });
    }

    it('shares the per-address limit on new chats between replicas: the 21st in a minute is refused, whichever replica it asks', async () => {
      const ask = (i: number) =>
        fetch(`${replicas.urls[i % 2]}/api/directline/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
          body: '{}',
        });
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await ask(i)).status);
      expect(statuses.slice(0, 20)).to.deep.equal(Array(20).fill(200));
      expect(statuses.slice(20), 'refused on both replicas').to.deep.equal([429, 429]);
      const refused = await ask(0);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
    });

    if (!extra.REDIS_URL) {
      it('survives a rolling restart of both replicas with no reload (polling and WebSocket): each client carries on from its watermark, nothing lost or repeated', async () => {
        const clients = [await replicas.client(false), await replicas.client(true)];
        const askBoth = (n: number) => Promise.all(clients.map((client, i) => ask(client, QUESTIONS[n], `rolling-${i}-${n}`)));
        await askBoth(0);
        await replicas.restart(1);
        await askBoth(1);
        await replicas.restart(0);
        await askBoth(2);
        await askBoth(3);
        for (const client of clients) {
          expectWholeConversation(client);
          expect(client.statuses).to.not.include(ConnectionStatus.Ended);
          expect(client.statuses).to.not.include(ConnectionStatus.FailedToConnect);
          client.end();
        }
        expect(replicas.proxy.failures, 'a replica was always there to answer').to.equal(0);
      });
    }
  });
}

describe('web chat on one SQLite process restarted mid-conversation, with the official Direct Line client', function () {
  this.timeout(120000);
  let dataDir: string;
  let replicas: Replicas;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-restart-'));
    replicas = new Replicas(1, { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_SCHEMA: '', REDIS_URL: '', DIRECT_LINE_TOKEN_SECRET: '' });
    await replicas.start();
  });
  after(async () => {
    await replicas?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // The page streams over a WebSocket. (A polling client of the official library stops polling at the
  // first failed poll, so with nothing answering during the restart only replicas can hide one from it.)
  it('keeps the conversation across a restart (WebSocket): the stream reconnects, the next post works with the same token, nothing lost or repeated', async () => {
    const client = await replicas.client(true);
    await ask(client, QUESTIONS[0], 'before');
    await replicas.restart(0);
    await ask(client, QUESTIONS[1], 'after');
    await ask(client, QUESTIONS[2], 'after-2');
    expectWholeConversation(client);
    expect(client.statuses).to.not.include(ConnectionStatus.Ended);
    expect(fs.existsSync(path.join(dataDir, 'directline-token.key')), 'the signing key is kept beside the database').to.equal(true);
    client.end();
  });
});

describe('web chat: a turn under way when the server stops', () => {
  it('answers a post that arrives as the server starts closing (its reply address is not looked up again)', async () => {
    const bot = await startBot();
    try {
      const client = new DirectLineClient(bot.url);
      const { conversationId, token } = (await client.start((await client.pageToken()).body.token)).body;
      const conversations = bot.services.webChat.conversations;
      const append = conversations.appendFromClient.bind(conversations);
      let closed: Promise<void> | undefined;
      conversations.appendFromClient = async (...args) => {
        const result = await append(...args);
        closed = new Promise<void>((resolve) => bot.server.close(() => resolve()));
        return result;
      };
      const answer = await client.post(conversationId, token, { type: 'message', text: 'what does TAC mean' });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      await closed;
      const reply = await bot.services.webChat.conversations.since(conversationId, 0);
      expect(reply!.activities.some((a) => a.replyToId === answer.body.id)).to.equal(true);
    } finally {
      await bot.services.close();
    }
  });

  it('finishes and keeps its reply even though the server no longer takes connections', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-stop-'));
    const env = { DATA_DIR: dataDir };
    const first = await startBot(env);
    try {
      const client = new DirectLineClient(first.url);
      const started = await client.start((await client.pageToken()).body.token);
      const { conversationId, token } = started.body;
      let turnStarted!: () => void;
      const inTurn = new Promise<void>((resolve) => (turnStarted = resolve));
      const bot = first.services.bot as { run(context: unknown): Promise<void> };
      const run = bot.run.bind(bot);
      bot.run = async (context) => {
        turnStarted();
        await new Promise((r) => setTimeout(r, 300));
        return run(context);
      };
      const posted = client.post(conversationId, token, { type: 'message', text: 'what is a lead professional' });
      await inTurn;
      const closed = new Promise<void>((resolve) => first.server.close(() => resolve()));
      const answer = await posted;
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      await closed;
      await first.services.close();

      const second = await startBot(env);
      try {
        const read = await new DirectLineClient(second.url).activities(conversationId, token);
        expect(read.status).to.equal(200);
        const reply = read.body.activities.find((a) => a.replyToId === answer.body.id);
        expect(reply && shownText(reply)).to.match(/^Lead professional/);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('web chat with tokens shorter than the official client’s 15-minute refresh', function () {
  this.timeout(60000);

  it('keeps the official client (WebSocket) working past its first token: the stream closes before expiry and the reconnect brings a fresh token', async () => {
    let serverNow = FIXED_NOW;
    const bot = await startBot({ WEBCHAT_TOKEN_MINUTES: '5', WEBCHAT_KEEPALIVE_SECONDS: '1' }, { now: () => serverNow });
    try {
      const given = await new DirectLineClient(bot.url).pageToken();
      const client = new OfficialClient(`${bot.url}/v3/directline`, given.body.token, true);
      await client.status(ConnectionStatus.Online);
      await ask(client, QUESTIONS[0], 'short-0');
      const seenBefore = client.received.length;
      serverNow = FIXED_NOW.plus({ minutes: 4, seconds: 30 });
      // The stream closes within a keep-alive; the client waits 3 s and reconnects with its token, still good for 30 s.
      await new Promise((r) => setTimeout(r, 6000));
      serverNow = FIXED_NOW.plus({ minutes: 7 });
      await ask(client, QUESTIONS[1], 'short-1');
      expect(client.received.length).to.be.greaterThan(seenBefore);
      expectWholeConversation(client);
      expect(client.statuses, 'never told its token expired').to.not.include(ConnectionStatus.ExpiredToken);
      client.end();
    } finally {
      await bot.stop();
    }
  });
});
