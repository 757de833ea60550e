import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { DirectLine } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import WebSocket from 'ws';
import { botWithConnector } from '../../../helpers/runningBot';
import { DirectLineClient } from '../../../helpers/directLineClient';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'teams-activities');
const URGENT = /^(Worried about a child\u2019s safety\?|A child in danger now\? Call 999\.)/;

/** A recorded Teams activity from shared/fixtures, pointed at the fake connector. */
function recorded(name: string, serviceUrl: string): Record<string, unknown> {
  return { ...(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>), serviceUrl, id: `e2e-${name}-${Date.now()}` };
}

const fallbackOf = (m: Record<string, unknown>) =>
  (m.attachments as { content?: { fallbackText?: string } }[] | undefined)?.[0]?.content?.fallbackText ?? String(m.text ?? '');

/**
 * DirectLineJS (the client Web Chat uses) talks through rxjs' ajax, which needs a browser's
 * XMLHttpRequest; in Node the same requests go through fetch.
 */
function fetchAjax(request: { method: string; url: string; headers?: Record<string, string>; body?: unknown }) {
  return Observable.create((observer: { next(v: unknown): void; error(e: unknown): void; complete(): void }) => {
    fetch(request.url, { method: request.method, headers: request.headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) })
      .then(async (res) => {
        const response = await res.json().catch(() => null);
        if (res.ok) {
          observer.next({ response, status: res.status });
          observer.complete();
        } else observer.error({ status: res.status, response });
      })
      .catch((err: unknown) => observer.error(err));
  });
}

describe('safeguarding end to end: recorded Teams activities and web chat through DirectLineJS', () => {
  const suite = botWithConnector({ SAFEGUARDING_LADO_PHONE: '0116 222 2222' });
  const { connector } = suite;

  before(function () {
    if (fs.existsSync(FIXTURES)) return;
    if (process.env.CI === 'true') throw new Error(`CI=true but ${FIXTURES} is missing`);
    this.skip();
  });

  const post = (body: unknown) =>
    fetch(`${suite.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function sentFor(body: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const before = connector.messages().length;
    const res = await post(body);
    expect(res.status).to.be.oneOf([200, 201, 202]);
    return connector.messages().slice(before);
  }

  it('a personal-chat message reporting a worry gets the urgent card first', async () => {
    const sent = await sentFor({
      ...recorded('08-message-personal-plain.json', suite.serviceUrl),
      text: 'one of my lads has two phones and keeps going missing, i think hes being used to run drugs',
    });
    expect(fallbackOf(sent[0])).to.match(URGENT);
  });

  it('a flagged knowledge question in personal chat gets the urgent card first, then its answer', async () => {
    const sent = await sentFor({
      ...recorded('08-message-personal-plain.json', suite.serviceUrl),
      text: 'keyworker for families with disabled kids - what do they do',
    });
    expect(sent.map(fallbackOf)).to.have.length(3);
    expect(fallbackOf(sent[0])).to.match(URGENT);
    expect(fallbackOf(sent[1])).to.equal('And to answer your question:');
    expect(fallbackOf(sent[2])).to.match(/^Key worker/);
  });

  it('an @mention in a channel reporting a worry gets the urgent card first', async () => {
    const activity = recorded('10-message-channel-atMention.json', suite.serviceUrl);
    const mention = String(activity.text ?? '').match(/<at>[^<]*<\/at>/)?.[0] ?? '';
    const sent = await sentFor({ ...activity, text: `${mention} a colleague keeps messaging a year 10 girl on snapchat at night` });
    expect(fallbackOf(sent[0])).to.match(URGENT).and.include('0116 222 2222');
  });

  it('an Action.Submit card submission with a worry in a text field gets the card at once', async () => {
    const activity = recorded('12-message-actionSubmit-value-channel.json', suite.serviceUrl);
    const sent = await sentFor({
      ...activity,
      text: undefined,
      value: { verb: 'pulse.submit', surveyId: 4321, 'q.comment': 'my team is fine but a girl in my class has cuts on her arms every week' },
    });
    expect(fallbackOf(sent[0]))
      .to.match(URGENT)
      .and.match(/stays anonymous/);
  });

  it('an Action.Execute invoke with a worry in its data gets the card at once, and the invoke is still answered', async () => {
    const activity = recorded('13-invoke-adaptiveCard-action-channel.json', suite.serviceUrl);
    const value = activity.value as { action: Record<string, unknown> };
    const before = connector.messages().length;
    const res = await post({
      ...activity,
      value: {
        ...value,
        action: {
          ...value.action,
          verb: 'pulse.submit',
          data: { verb: 'pulse.submit', surveyId: 4321, 'q.comment': 'the baby at my last visit had bruises on his face and dad said he fell' },
        },
      },
    });
    expect(res.status).to.equal(200);
    const sent = connector.messages().slice(before);
    expect(fallbackOf(sent[0]))
      .to.match(URGENT)
      .and.match(/stays anonymous/);
  });

  it('web chat (DirectLineJS over the built-in Direct Line) gets the urgent card first', async function () {
    this.timeout(30000);
    const { body } = await new DirectLineClient(suite.bot.url).pageToken();
    const directLine = new DirectLine({
      token: body.token,
      domain: `${suite.bot.url}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax,
      WebSocket,
    } as never);
    let subscription: { unsubscribe(): void } | undefined;
    try {
      const replies: Record<string, unknown>[] = [];
      const received = new Promise<void>((resolve) => {
        subscription = directLine.activity$.subscribe({
          next: (activity) => {
            const a = activity as unknown as Record<string, unknown>;
            if ((a.from as { id?: string })?.id !== 'staff-member' && a.type === 'message' && a.replyToId) {
              replies.push(a);
              resolve();
            }
          },
          // Ending the conversation below errors the stream; that is the client saying goodbye, not a failure.
          error: () => undefined,
        });
      });
      await new Promise<void>((resolve, reject) =>
        directLine
          .postActivity({
            type: 'message',
            from: { id: 'staff-member' },
            text: 'im worried about a kid in my group, he flinches when anyone raises their voice',
          } as never)
          .subscribe({ next: () => resolve(), error: reject }),
      );
      await received;
      expect(fallbackOf(replies[0])).to.match(URGENT);
    } finally {
      subscription?.unsubscribe();
      directLine.end();
    }
  });
});
