import { expect } from 'chai';
import { DateTime } from 'luxon';
import { WebSocket } from 'ws';
import { DirectLineClient, ReceivedActivity, shownText, StartedConversation } from '../../helpers/directLineClient';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { FIXED_NOW } from '../../helpers/testServices';

/** A clock the tests move by hand, so token expiry and the flood window need no sleeping. */
class MovableClock {
  current = FIXED_NOW;
  readonly now = (): DateTime => this.current;
  advance(seconds: number): void {
    this.current = this.current.plus({ seconds });
  }
}

const message = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', text, from: { id: 'someone-else', name: 'Mallory' }, ...extra });

/** Opens the conversation's stream and collects what it sends until `count` activities have arrived. */
function streamActivities(url: string, count: number, during: () => Promise<unknown>): Promise<ReceivedActivity[]> {
  return new Promise((resolve, reject) => {
    const got: ReceivedActivity[] = [];
    const ws = new WebSocket(url);
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      got.push(...(JSON.parse(text) as { activities: ReceivedActivity[] }).activities);
      if (got.length >= count) {
        ws.close();
        resolve(got);
      }
    });
    ws.on('open', () => void during().catch(reject));
    ws.on('error', reject);
  });
}

describe('built-in Direct Line endpoint (HTTP)', () => {
  let bot: RunningBot;
  let client: DirectLineClient;
  const clock = new MovableClock();

  before(async () => {
    bot = await startBot({}, { now: clock.now });
    client = new DirectLineClient(bot.url);
  });
  after(() => bot.stop());
  beforeEach(() => {
    // Each test starts a minute later, so one test's activities never count towards another's flood window.
    clock.advance(60);
  });

  /** A conversation started the way the page starts one: page token, then start with it. */
  async function pageConversation(): Promise<StartedConversation> {
    const given = await client.pageToken();
    const started = await client.start(given.body.token);
    expect(started.status).to.equal(201);
    return started.body;
  }

  describe('starting a conversation', () => {
    it('starts the conversation the page token is for, sends the welcome through the bot, and hands out a stream URL', async () => {
      const given = await client.pageToken();
      expect(given.status).to.equal(200);
      expect(given.body.domain).to.equal('/v3/directline');
      const started = await client.start(given.body.token);
      expect(started.status).to.equal(201);
      expect(started.body.conversationId).to.equal(given.body.conversationId);
      expect(started.body.expires_in).to.equal(30 * 60);
      expect(started.body.streamUrl).to.match(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.body.conversationId}/stream\\?t=`));

      const got = await client.activities(started.body.conversationId, started.body.token);
      expect(got.status).to.equal(200);
      expect(got.body.activities).to.have.length(1);
      const [welcome] = got.body.activities;
      expect(welcome.from).to.deep.include({ id: 'staffbot', role: 'bot' });
      expect(welcome.channelId).to.equal('webchat');
      expect(welcome.id).to.equal(`${started.body.conversationId}|0000001`);
      expect(welcome).not.to.have.property('serviceUrl');
      expect(shownText(welcome)).to.match(/^Hello, I'm Children's Workforce Assistant/);
      expect(got.body.watermark).to.equal('1');
    });

    it('starting again with the same token rejoins the conversation (200) without a second welcome', async () => {
      const given = await client.pageToken();
      await client.start(given.body.token);
      const again = await client.start(given.body.token);
      expect(again.status).to.equal(200);
      expect(again.body.conversationId).to.equal(given.body.conversationId);
      const got = await client.activities(again.body.conversationId, again.body.token);
      expect(got.body.activities).to.have.length(1);
    });

    it('refuses to start a conversation without the credential the page gets (403), so nobody can start them by the thousand', async () => {
      const started = await client.start();
      expect(started.status).to.equal(403);
      expect((started.body as unknown as { error: { code: string } }).error.code).to.equal('MissingToken');
    });

    it('takes the page credential for starting only: it cannot read, post or refresh, and lasts five minutes', async () => {
      const given = await client.pageToken();
      expect(given.body.expiresIn).to.equal(5 * 60);
      const started = await client.start(given.body.token);
      expect((await client.activities(started.body.conversationId, given.body.token)).status).to.equal(403);
      const posted = await client.post(started.body.conversationId, given.body.token, message('hi'));
      expect(posted.status).to.equal(403);
      expect(posted.body.error!.code).to.equal('BadToken');
      const refresh = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${given.body.token}` } });
      expect(refresh.status).to.equal(403);
      expect((await client.activities(started.body.conversationId, started.body.token)).status, 'the token the start returned works').to.equal(200);
    });

    it('reconnects (GET conversation) with a fresh token and a new stream URL from the watermark', async () => {
      const conversation = await pageConversation();
      clock.advance(10 * 60);
      const res = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}?watermark=1`, {
        headers: { authorization: `Bearer ${conversation.token}` },
      });
      expect(res.status).to.equal(200);
      const body = (await res.json()) as StartedConversation;
      expect(body.conversationId).to.equal(conversation.conversationId);
      expect(body.token, 'a fresh token, so a client whose stream closed near expiry carries on').to.not.equal(conversation.token);
      expect(body.expires_in).to.equal(30 * 60);
      expect(body.streamUrl).to.match(/&watermark=1$/);
      clock.advance(25 * 60);
      expect((await client.activities(conversation.conversationId, conversation.token)).status, 'the old token has expired').to.equal(403);
      expect((await client.activities(conversation.conversationId, body.token)).status).to.equal(200);
    });
  });

  describe('posting and reading activities', () => {
    it('answers "what is a lead professional" with the answer card, in order, with increasing watermarks', async () => {
      const conversation = await pageConversation();
      const posted = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a lead professional', { channelData: { clientActivityID: 'c-1' } }),
      );
      expect(posted.status).to.equal(200);
      expect(posted.body.id).to.equal(`${conversation.conversationId}|0000002`);

      const got = await client.activities(conversation.conversationId, conversation.token, '1');
      expect(got.body.watermark).to.equal('3');
      const [echo, answer] = got.body.activities;
      expect(echo.id).to.equal(posted.body.id);
      expect(echo.text).to.equal('what is a lead professional');
      expect(echo.from.id, 'the sender comes from the token, not the body').to.match(/^dl_anon_/);
      expect(echo.from.name).to.equal(undefined);
      expect(echo.channelData).to.deep.equal({ clientActivityID: 'c-1' });
      expect(answer.replyToId).to.equal(posted.body.id);
      expect(answer.id).to.equal(`${conversation.conversationId}|0000003`);
      expect(answer.attachments![0].contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect(shownText(answer)).to.match(/^Lead professional/);

      const nothingNew = await client.activities(conversation.conversationId, conversation.token, '3');
      expect(nothingNew.body.activities).to.deep.equal([]);
      expect(nothingNew.body.watermark).to.equal('3');
    });

    it('runs a card button press (Action.Submit value) through the same bot: "Was this helpful?" Yes', async () => {
      const conversation = await pageConversation();
      const answer = await client.ask(conversation, 'what is a lead professional', '1');
      const card = answer.replies[0].attachments![0].content;
      const yes = JSON.stringify(card).match(/"title":"Yes","data":(\{[^}]*\})/);
      expect(yes, 'the answer card has a Yes button').to.not.equal(null);
      const posted = await client.post(conversation.conversationId, conversation.token, {
        type: 'message',
        value: JSON.parse(yes![1]),
        channelData: { postBack: true },
      });
      expect(posted.status).to.equal(200);
      const got = await client.activities(conversation.conversationId, conversation.token, answer.watermark);
      expect(got.body.activities.map(shownText)).to.include('Thanks, glad it helped.');
    });

    it('sends the activities since a watermark, and all of them without one', async () => {
      const conversation = await pageConversation();
      await client.ask(conversation, 'what does TAC mean', '1');
      const all = await client.activities(conversation.conversationId, conversation.token);
      expect(all.body.activities.map((a) => a.id.split('|')[1])).to.deep.equal(['0000001', '0000002', '0000003']);
      const later = await client.activities(conversation.conversationId, conversation.token, '2');
      expect(later.body.activities).to.have.length(1);
    });

    it("never moves a client's watermark back, so nothing is sent twice even from a replica whose copy lags", async () => {
      const conversation = await pageConversation();
      const ahead = await client.activities(conversation.conversationId, conversation.token, '5');
      expect(ahead.body).to.deep.equal({ activities: [], watermark: '5' });
    });

    it('does not queue a resent activity twice (same clientActivityID): same id, no second answer', async () => {
      const conversation = await pageConversation();
      const first = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'resend-me' } }),
      );
      const again = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'resend-me' } }),
      );
      expect(again.status).to.equal(200);
      expect(again.body.id).to.equal(first.body.id);
      const got = await client.activities(conversation.conversationId, conversation.token, '1');
      expect(got.body.activities).to.have.length(2);
    });

    it('answers a resend whose first attempt never finished its turn, once', async () => {
      const conversation = await pageConversation();
      // The replies cannot be kept once (the database connection drops), so the turn fails with 502.
      const conversations = bot.services.webChat.conversations;
      const appendFromBot = conversations.appendFromBot;
      conversations.appendFromBot = async () => {
        conversations.appendFromBot = appendFromBot;
        throw new Error('connection lost');
      };
      const first = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'dies-once' } }),
      );
      expect(first.status).to.equal(502);
      const again = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'dies-once' } }),
      );
      expect(again.status).to.equal(200);
      const got = await client.activities(conversation.conversationId, conversation.token, '1');
      const answers = got.body.activities.filter((a) => a.replyToId === again.body.id && /^Common Assessment Framework/.test(shownText(a)));
      expect(answers, 'answered on the resend').to.have.length(1);
      const third = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'dies-once' } }),
      );
      expect(third.body.id).to.equal(again.body.id);
      const after = await client.activities(conversation.conversationId, conversation.token, '1');
      expect(
        after.body.activities.filter((a) => /^Common Assessment Framework/.test(shownText(a))),
        'not answered twice',
      ).to.have.length(1);
    });

    const refusals: [string, unknown][] = [
      ['a conversationUpdate from the client', { type: 'conversationUpdate', membersAdded: [{ id: 'staffbot' }] }],
      ['an invoke', { type: 'invoke', name: 'adaptiveCard/action' }],
      ['an array', [1, 2]],
      ['text that is not a string', { type: 'message', text: 42 }],
    ];
    for (const [name, body] of refusals) {
      it(`refuses ${name} with 400 and queues nothing`, async () => {
        const conversation = await pageConversation();
        const posted = await client.post(conversation.conversationId, conversation.token, body);
        expect(posted.status).to.equal(400);
        expect(posted.body.error!.code).to.equal('BadArgument');
        const got = await client.activities(conversation.conversationId, conversation.token, '1');
        expect(got.body.activities).to.deep.equal([]);
      });
    }

    it('refuses uploads with 400', async () => {
      const conversation = await pageConversation();
      const res = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}/upload?userId=x`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).to.equal(400);
    });
  });

  describe('bad input', () => {
    it('answers 403 with a JSON error to a missing, unknown or tampered token', async () => {
      const conversation = await pageConversation();
      const tampered = `${conversation.token.slice(0, -4)}AAAA`;
      for (const token of [undefined, 'not-a-token', tampered]) {
        const posted = await client.post(conversation.conversationId, token, message('hi'));
        expect(posted.status, String(token)).to.equal(403);
        expect(posted.body.error!.code).to.be.oneOf(['MissingToken', 'BadToken']);
        const read = await client.activities(conversation.conversationId, token);
        expect(read.status).to.equal(403);
      }
    });

    it("answers 403 to a token for another conversation (it cannot read or post to someone else's)", async () => {
      const mine = await pageConversation();
      const theirs = await pageConversation();
      expect((await client.activities(theirs.conversationId, mine.token)).status).to.equal(403);
      expect((await client.post(theirs.conversationId, mine.token, message('hi'))).status).to.equal(403);
    });

    it('answers 403 TokenExpired once the token has expired, on every route, and refreshing before then gives a new one', async () => {
      const conversation = await pageConversation();
      clock.advance(25 * 60);
      const refresh = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${conversation.token}` } });
      expect(refresh.status).to.equal(200);
      const refreshed = (await refresh.json()) as { token: string; conversationId: string; expires_in: number };
      expect(refreshed.conversationId).to.equal(conversation.conversationId);
      expect(refreshed.expires_in).to.equal(30 * 60);

      clock.advance(6 * 60);
      const expired = await client.post(conversation.conversationId, conversation.token, message('hi'));
      expect(expired.status).to.equal(403);
      expect(expired.body.error!.code).to.equal('TokenExpired');
      expect((await client.activities(conversation.conversationId, conversation.token)).status).to.equal(403);
      const refreshAgain = await fetch(`${bot.url}/v3/directline/tokens/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conversation.token}` },
      });
      expect(refreshAgain.status).to.equal(403);

      expect((await client.post(conversation.conversationId, refreshed.token, message('what is TAC'))).status).to.equal(200);
    });

    const watermarks: [string, number][] = [
      ['abc', 400],
      ['-1', 400],
      ['1.5', 400],
      ['1e3', 400],
      ['', 200],
      ['0', 200],
    ];
    for (const [watermark, status] of watermarks) {
      it(`answers ${status} to the watermark "${watermark}" when reading and reconnecting`, async () => {
        const conversation = await pageConversation();
        const read = await client.activities(conversation.conversationId, conversation.token, watermark);
        expect(read.status).to.equal(status);
        if (status === 400) expect(read.body.error).to.deep.include({ code: 'BadArgument' });
        const reconnect = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}?watermark=${encodeURIComponent(watermark)}`, {
          headers: { authorization: `Bearer ${conversation.token}` },
        });
        expect(reconnect.status).to.equal(status);
      });
    }

    it("answers in Direct Line's error shape even where restify answers: an unknown route, a wrong method, a body that is not JSON", async () => {
      const conversation = await pageConversation();
      const auth = { authorization: `Bearer ${conversation.token}` };
      const unknown = await fetch(`${bot.url}/v3/directline/nowhere`, { headers: auth });
      const wrongMethod = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}/activities`, { method: 'DELETE', headers: auth });
      const notJson = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}/activities`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{"type": "message", "text": ',
      });
      for (const [name, res, status] of [
        ['unknown route', unknown, 404],
        ['wrong method', wrongMethod, 405],
        ['not JSON', notJson, 400],
      ] as const) {
        expect(res.status, name).to.equal(status);
        const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
        expect(body.error?.code, name).to.be.a('string');
        expect(body.error?.message, name).to.be.a('string');
      }
    });

    it('answers 413 to an activity over 64 KB and queues nothing', async () => {
      const conversation = await pageConversation();
      const posted = await client.post(conversation.conversationId, conversation.token, message('x'.repeat(65 * 1024)));
      expect(posted.status).to.equal(413);
      expect(posted.body.error!.code).to.equal('ActivityTooLarge');
      const justUnder = await client.post(conversation.conversationId, conversation.token, message(`what is TAC ${'x'.repeat(60 * 1024)}`));
      expect(justUnder.status).to.equal(200);
    });

    it('answers 429 with Retry-After to the 21st activity in 10 seconds, queues nothing for it, and accepts again after the wait', async () => {
      const conversation = await pageConversation();
      for (let i = 0; i < 20; i++) {
        const event = await client.post(conversation.conversationId, conversation.token, { type: 'event', name: 'webchat/ping' });
        expect(event.status, `activity ${i + 1}`).to.equal(200);
      }
      const before = await client.activities(conversation.conversationId, conversation.token);
      const refused = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'flood-21' } }),
      );
      expect(refused.status).to.equal(429);
      expect(refused.retryAfter).to.equal('10');
      expect(refused.body.error!.code).to.equal('Throttled');
      const after = await client.activities(conversation.conversationId, conversation.token);
      expect(after.body.watermark).to.equal(before.body.watermark);

      clock.advance(4);
      expect((await client.post(conversation.conversationId, conversation.token, message('what is a CAF'))).retryAfter).to.equal('6');
      clock.advance(6);
      const retried = await client.post(
        conversation.conversationId,
        conversation.token,
        message('what is a CAF', { channelData: { clientActivityID: 'flood-21' } }),
      );
      expect(retried.status).to.equal(200);
      const final = await client.activities(conversation.conversationId, conversation.token, after.body.watermark);
      expect(final.body.activities.filter((a) => a.text === 'what is a CAF')).to.have.length(1);
    });
  });

  describe('typing', () => {
    it('accepts typing without storing it, without a bot turn, and without counting it against the flood limit', async () => {
      const conversation = await pageConversation();
      const turnsBefore = await bot.services.metrics.registry.getSingleMetricAsString('staffbot_turns_total').catch(() => '');
      for (let i = 0; i < 30; i++) {
        const typing = await client.post(conversation.conversationId, conversation.token, { type: 'typing' });
        expect(typing.status, `typing ${i + 1}`).to.equal(200);
      }
      const got = await client.activities(conversation.conversationId, conversation.token);
      expect(got.body.watermark, 'nothing stored').to.equal('1');
      const turnsAfter = await bot.services.metrics.registry.getSingleMetricAsString('staffbot_turns_total').catch(() => '');
      expect(turnsAfter, 'no bot turn ran').to.equal(turnsBefore);
      expect((await client.post(conversation.conversationId, conversation.token, message('what is TAC'))).status, 'the flood limit is untouched').to.equal(200);
    });
  });

  describe('WebSocket stream', () => {
    it('sends the backlog, then each new activity as it is added', async () => {
      const conversation = await pageConversation();
      const received = await streamActivities(conversation.streamUrl, 3, () =>
        client.post(conversation.conversationId, conversation.token, message('what is a lead professional')),
      );
      expect(received.map((a) => a.id.split('|')[1])).to.deep.equal(['0000001', '0000002', '0000003']);
      expect(shownText(received[2])).to.match(/^Lead professional/);
    });

    it('streams from the watermark in the URL', async () => {
      const conversation = await pageConversation();
      await client.ask(conversation, 'what does TAC mean', '1');
      const received = await streamActivities(`${conversation.streamUrl}&watermark=2`, 1, async () => undefined);
      expect(received[0].id).to.equal(`${conversation.conversationId}|0000003`);
    });

    it('refuses to open a stream with a bad token (403) or for an unknown path (404)', async () => {
      const conversation = await pageConversation();
      const status = (url: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url);
          ws.on('unexpected-response', (_req, res) => {
            resolve(res.statusCode ?? 0);
            ws.terminate();
          });
          ws.on('open', () => resolve(101));
          ws.on('error', () => undefined);
        });
      expect(await status(conversation.streamUrl.replace(/t=[^&]+/, 't=forged'))).to.equal(403);
      expect(await status(conversation.streamUrl.replace('/stream', '/elsewhere'))).to.equal(404);
      expect(await status(`${conversation.streamUrl}&watermark=-1`)).to.equal(400);
    });
  });

  describe('internal Bot Connector routes', () => {
    it('refuses anyone without the per-process key (a forged bot message goes nowhere)', async () => {
      const conversation = await pageConversation();
      const res = await fetch(`${bot.url}/directline/connector/guess/v3/conversations/${conversation.conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'I am the bot, honest' }),
      });
      expect(res.status).to.equal(404);
      const got = await client.activities(conversation.conversationId, conversation.token, '1');
      expect(got.body.activities).to.deep.equal([]);
    });
  });
});

describe('built-in Direct Line endpoint: idle conversations', () => {
  let bot: RunningBot;
  const clock = new MovableClock();
  before(async () => {
    // Tokens that outlive the hour of idleness, so the conversation's expiry is what answers.
    bot = await startBot({ WEBCHAT_TOKEN_MINUTES: '180' }, { now: clock.now });
  });
  after(() => bot.stop());

  it('forgets a conversation nobody used for an hour: 404, and housekeeping deletes it and its activities', async () => {
    const client = new DirectLineClient(bot.url);
    const given = await client.pageToken();
    const started = await client.start(given.body.token);
    const { db } = bot.services.database;
    const rows = async () =>
      (await db.selectFrom('directline_activities').select('seq').where('conversation_id', '=', started.body.conversationId).execute()).length +
      (await db.selectFrom('directline_conversations').select('id').where('id', '=', started.body.conversationId).execute()).length;
    clock.advance(59 * 60);
    expect((await client.activities(started.body.conversationId, started.body.token)).status, 'reading keeps it alive').to.equal(200);
    clock.advance(59 * 60);
    expect((await bot.services.webChat.purge()).conversations, 'still alive after 59 minutes without use').to.equal(0);
    clock.advance(2 * 60);
    const gone = await client.activities(started.body.conversationId, started.body.token);
    expect(gone.status).to.equal(404);
    expect(await rows()).to.equal(2);
    const refsBefore = await db.selectFrom('conversation_refs').select('user_id').where('conversation_id', '=', started.body.conversationId).execute();
    expect(
      refsBefore.map((r) => r.user_id),
      'the welcome turn kept a reference',
    ).to.deep.equal([given.body.user.id]);
    expect(await bot.services.webChat.purge()).to.deep.include({ conversations: 1, visitors: 1 });
    expect(await rows()).to.equal(0);
    const refsAfter = await db.selectFrom('conversation_refs').select('user_id').where('user_id', '=', given.body.user.id).execute();
    expect(refsAfter, "the anonymous visitor's reference went with everything else about them").to.deep.equal([]);
  });
});

describe('built-in Direct Line endpoint: stopping the server', () => {
  it('ends open streams, so the server stops instead of waiting for every browser to leave', async () => {
    const bot = await startBot();
    const client = new DirectLineClient(bot.url);
    const given = await client.pageToken();
    const started = await client.start(given.body.token);
    const ws = new WebSocket(started.body.streamUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    await bot.stop();
    await closed;
    expect(ws.readyState).to.equal(WebSocket.CLOSED);
  });
});

describe('built-in Direct Line endpoint: stream keep-alives and token expiry', () => {
  let bot: RunningBot;
  const clock = new MovableClock();
  before(async () => {
    // A keep-alive every second, so the tests need not wait long; tokens last the default 30 minutes.
    bot = await startBot({ WEBCHAT_KEEPALIVE_SECONDS: '1' }, { now: clock.now });
  });
  after(() => bot.stop());

  async function openStream(
    options: { autoPong?: boolean } = {},
  ): Promise<{ ws: WebSocket; messages: string[]; closed: Promise<{ code: number; reason: string }>; conversation: StartedConversation }> {
    const client = new DirectLineClient(bot.url);
    const conversation = (await client.start((await client.pageToken()).body.token)).body;
    const ws = new WebSocket(conversation.streamUrl, { autoPong: options.autoPong ?? true });
    const messages: string[] = [];
    ws.on('message', (data) => messages.push(data.toString()));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return { ws, messages, closed, conversation };
  }

  it('sends empty keep-alive messages, which clients ignore', async () => {
    const { ws, messages } = await openStream();
    await new Promise((r) => setTimeout(r, 2500));
    expect(messages.filter((m) => m === '').length, 'keep-alives in 2.5 s').to.be.at.least(2);
    ws.close();
  });

  it('closes the stream shortly before its token expires, and a reconnect then gets a fresh token that outlives the old one', async () => {
    const { closed, conversation } = await openStream();
    clock.advance(29 * 60);
    const { code, reason } = await closed;
    expect(code).to.equal(1000);
    expect(reason).to.match(/token/);
    const res = await fetch(`${bot.url}/v3/directline/conversations/${conversation.conversationId}?watermark=1`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });
    expect(res.status, 'the old token still works for the reconnect').to.equal(200);
    const fresh = (await res.json()) as StartedConversation;
    clock.advance(2 * 60);
    const client = new DirectLineClient(bot.url);
    expect((await client.activities(conversation.conversationId, conversation.token)).status, 'the old token has now expired').to.equal(403);
    expect((await client.activities(conversation.conversationId, fresh.token)).status).to.equal(200);
  });

  it('drops a client that stopped answering pings', async () => {
    const { closed } = await openStream({ autoPong: false });
    const { code } = await closed;
    expect(code, 'terminated, not closed politely').to.equal(1006);
  });
});
