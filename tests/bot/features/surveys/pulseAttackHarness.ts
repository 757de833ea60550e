import { expect } from 'chai';
import { DateTime } from 'luxon';
import { SignJWT } from 'jose';
import { DirectLineClient, ReceivedActivity, StartedConversation } from '../../../helpers/directLineClient';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { TestDatabase } from '../../../helpers/testDatabase';

export const ADMIN_TOKEN = 'pulse-attack-admin-token';
export const COMMS_AAD = '7f0c3f6e-0000-4000-8000-00000000c0c0';
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const USER_TOKEN_SECRET = 'the-intranet-and-the-bot-share-this-secret';
/** Monday 23 November 2026, 10:00 in London: inside working hours. */
export const START = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

/** One member of staff as the attacker's staff list knows them. */
export interface StaffMember {
  name: string;
  userId: string;
  aadObjectId: string;
  conversationId: string;
  sector: string;
  locality: string;
}

/** Staff with Teams ids, each in a sector and a locality. */
export function staffList(count: number, segment: (i: number) => { sector: string; locality: string }): StaffMember[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Staff Member ${i + 1}`,
    userId: `29:attack-staff-${i + 1}`,
    aadObjectId: `5e1f0000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    conversationId: `a:attack-personal-${i + 1}`,
    ...segment(i),
  }));
}

/** The wellbeing pulse's answers as its card sends them, with a comment. */
export const wellbeing = (ratings: [number, number, number, number, number], recommend: number, comment?: string): Record<string, string> => ({
  'q.workload': String(ratings[0]),
  'q.manager-support': String(ratings[1]),
  'q.supervision': String(ratings[2]),
  'q.valued': String(ratings[3]),
  'q.wellbeing': String(ratings[4]),
  'q.recommend': String(recommend),
  ...(comment ? { 'q.comment': comment } : {}),
});

/** Question ids of the wellbeing pulse's closed questions, in template order. */
export const CLOSED_QUESTIONS = ['workload', 'manager-support', 'supervision', 'valued', 'wellbeing', 'recommend'];

/** A user token as an intranet signs it. */
export async function intranetToken(claims: Record<string, unknown>, now: DateTime): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(Math.floor(now.minus({ minutes: 1 }).toSeconds()))
    .setExpirationTime(Math.floor(now.plus({ hours: 1 }).toSeconds()))
    .sign(new TextEncoder().encode(USER_TOKEN_SECRET));
}

/**
 * A running bot on a test database with a fake Bot Connector, and the public ways in that an
 * attacker or a member of staff has: /api/messages as Teams sends it, the built-in Direct Line,
 * the admin API and the dashboard's JSON.
 */
export class PulseHarness {
  bot!: RunningBot;
  readonly connector = new FakeConnector();
  serviceUrl = '';
  clock = START;

  constructor(
    private readonly test: TestDatabase,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    this.serviceUrl = await this.connector.start();
    this.bot = await startBot(
      { ADMIN_API_TOKEN: ADMIN_TOKEN, COMMS_USERS: COMMS_AAD, WEBCHAT_TOKEN_SECRET: USER_TOKEN_SECRET, MicrosoftAppTenantId: '', ...this.env },
      { database: this.test.opened, now: () => this.clock },
    );
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    await this.connector.stop();
  }

  /** An activity from a member of staff in their personal chat, as Teams sends it. */
  teamsActivity(person: Pick<StaffMember, 'userId' | 'aadObjectId' | 'conversationId' | 'name'>, extra: Record<string, unknown>, tenant = TENANT) {
    return {
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      id: `act-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      from: { id: person.userId, name: person.name, aadObjectId: person.aadObjectId },
      conversation: { id: person.conversationId, conversationType: 'personal', tenantId: tenant },
      recipient: { id: '28:bot', name: 'Workforce Assistant' },
      channelData: { tenant: { id: tenant } },
      ...extra,
    };
  }

  async post(body: unknown): Promise<{ status: number; body?: Record<string, unknown> }> {
    const res = await fetch(`${this.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  /** Says hello and saves the person's settings, so the bot holds their personal chat and profile. */
  async enrol(people: StaffMember[]): Promise<void> {
    for (const p of [
      ...people,
      { name: 'Comms', userId: '29:attack-comms', aadObjectId: COMMS_AAD, conversationId: 'a:attack-comms', sector: '', locality: '' },
    ]) {
      expect((await this.post(this.teamsActivity(p, { type: 'message', text: 'hi' }))).status).to.be.oneOf([200, 201, 202]);
      if (p.sector) await this.bot.services.store.profiles.save({ userId: p.userId, sector: p.sector, locality: p.locality, topics: [] });
    }
  }

  /** Presses "Send my answers" on a Teams pulse card; returns what the card turned into. */
  async answerInTeams(person: StaffMember, surveyId: number, data: Record<string, unknown>): Promise<string> {
    const res = await this.post(
      this.teamsActivity(person, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'pulse.submit', data: { verb: 'pulse.submit', surveyId, ...data } }, trigger: 'manual' },
      }),
    );
    expect(res.status).to.equal(200);
    return JSON.stringify(res.body);
  }

  api(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.bot.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
  }

  async startPulse(body: Record<string, unknown>): Promise<number> {
    const res = await this.api('/api/surveys', {
      method: 'POST',
      headers: { 'idempotency-key': `attack-${Math.random()}` },
      body: JSON.stringify({ owner: COMMS_AAD, ...body }),
    });
    expect(res.status, await res.clone().text()).to.equal(201);
    return ((await res.json()) as { id: number }).id;
  }

  /** The results as the admin API returns them. */
  async results(id: number): Promise<PublishedResults> {
    return (await (await this.api(`/api/surveys/${id}/results`)).json()) as PublishedResults;
  }

  async csv(id: number): Promise<string> {
    return (await this.api(`/api/surveys/${id}/results.csv`)).text();
  }

  /** The results card's plain text as the owner sees it after "results of #id" in chat. */
  async chatResults(id: number): Promise<string> {
    const mark = this.connector.messages().length;
    const comms = { name: 'Comms', userId: '29:attack-comms', aadObjectId: COMMS_AAD, conversationId: 'a:attack-comms' };
    await this.post(this.teamsActivity(comms, { type: 'message', text: `results of #${id}` }));
    const replies = this.connector.messages().slice(mark);
    return replies
      .map((m) => (m.attachments as { content: { fallbackText: string } }[] | undefined)?.[0]?.content.fallbackText ?? String(m.text ?? ''))
      .join('\n');
  }

  /** The dashboard's JSON for one pulse, signed in with the admin token as a browser would. */
  async dashboardResults(id: number): Promise<PublishedResults> {
    this.cookie ??= await this.signInToDashboard();
    return (await (await fetch(`${this.bot.url}/dashboard/api/pulses/${id}`, { headers: { cookie: this.cookie } })).json()) as PublishedResults;
  }

  private cookie?: string;

  private async signInToDashboard(): Promise<string> {
    const signIn = await fetch(`${this.bot.url}/dashboard/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
      redirect: 'manual',
    });
    return (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  }

  /** A web chat visitor as the intranet page starts one: anonymous, or signed in with an intranet token. */
  async webVisitor(userToken?: string): Promise<WebVisitor> {
    const client = new DirectLineClient(this.bot.url);
    const given = await client.pageToken(userToken ? { userToken } : {});
    expect(given.status, JSON.stringify(given.body)).to.equal(200);
    const started = await client.start(given.body.token);
    expect(started.status).to.equal(201);
    const first = await client.activities(started.body.conversationId, started.body.token);
    return new WebVisitor(client, started.body, first.body.watermark, given.body.user.id);
  }
}

/** One web chat conversation (one browser tab). */
export class WebVisitor {
  constructor(
    private readonly client: DirectLineClient,
    private readonly conversation: StartedConversation,
    private watermark: string,
    readonly userId: string,
  ) {}

  /** Sends an activity and returns the bot's replies to it. */
  async send(activity: Record<string, unknown>): Promise<ReceivedActivity[]> {
    const posted = await this.client.post(this.conversation.conversationId, this.conversation.token, activity);
    expect(posted.status, JSON.stringify(posted.body)).to.equal(200);
    const got = await this.client.activities(this.conversation.conversationId, this.conversation.token, this.watermark);
    this.watermark = got.body.watermark;
    return got.body.activities.filter((a) => a.replyToId === posted.body.id);
  }

  say(text: string): Promise<ReceivedActivity[]> {
    return this.send({ type: 'message', text });
  }

  /** Presses "Send my answers" on a Web Chat pulse card (Action.Submit posts the card's inputs as the message value). */
  submitPulse(surveyId: number, data: Record<string, unknown>): Promise<ReceivedActivity[]> {
    return this.send({ type: 'message', value: { verb: 'pulse.submit', surveyId, ...data } });
  }
}

/** The parts of the published results the attacks read. */
export interface PublishedResults {
  responses: { suppressed: boolean; count?: number; reason?: string };
  questions: { suppressed: boolean; items?: { id: string; distribution: { value: string | number; count: number }[] }[] };
  comments: { suppressed: boolean; items?: string[] };
  segments: { suppressed: boolean };
  release?: { number: number; nextUpdateAfter: number | null; note: string };
}

/**
 * What a comms owner learns by differencing two readings: when exactly one more response is in
 * the second, that response's answer to every closed question; otherwise nothing.
 */
export function differenceOf(before: PublishedResults, after: PublishedResults): Record<string, string> | undefined {
  if (after.questions.suppressed || !after.questions.items) return undefined;
  const earlier = new Map((before.questions.items ?? []).map((q) => [q.id, q]));
  const answer: Record<string, string> = {};
  for (const q of after.questions.items) {
    const old = earlier.get(q.id);
    const changed = q.distribution.filter((d, i) => d.count !== (old?.distribution[i]?.count ?? 0));
    const added = q.distribution.reduce((n, d, i) => n + d.count - (old?.distribution[i]?.count ?? 0), 0);
    if (added !== 1 || changed.length !== 1) return undefined;
    answer[q.id] = String(changed[0].value);
  }
  return answer;
}
