import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ConnectorLimits {
  /** Requests per second the whole connector accepts; more get 429. */
  ceiling: number;
  /** Requests per second one conversation accepts. */
  perConversation: number;
  /** Shares of requests answered 429 with Retry-After, and 503, at random. */
  throttleShare: number;
  unavailableShare: number;
  /** Share of recipients who blocked the bot: always 403. */
  blockedShare: number;
  seed: number;
}

/** A seeded pseudo-random generator, so a run's injected failures can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The member of a personal chat that installing the app opened ("19:<object id>_app@unq.gbl.spaces"),
 * as the connector lists them: their Teams id follows from their object id. Undefined for other reads.
 */
function membersOf(url: string): { id: string; aadObjectId: string }[] | undefined {
  const chat = /\/v3\/conversations\/([^/]+)\/members$/.exec(url)?.[1];
  const objectId = chat ? /^19:(.+)_app@unq\.gbl\.spaces$/.exec(decodeURIComponent(chat))?.[1] : undefined;
  return objectId ? [{ id: `29:${objectId}`, aadObjectId: objectId }] : undefined;
}

/**
 * A local Bot Connector that enforces Teams-like limits (a global ceiling and 7/s per conversation,
 * over sliding one-second windows) and injects throttling, outages and blocked users.
 */
export class RateLimitedConnector {
  /** Accepted messages per conversation. */
  readonly accepted = new Map<string, number>();
  readonly statuses = new Map<number, number>();
  /** Requests per second of the run, for seeing where time went. */
  readonly perSecond: number[] = [];
  firstRequestAt = 0;
  /** When each request arrived, for seeing how long a restarted worker took to send again. */
  readonly requestTimes: number[] = [];
  lastAcceptedAt = 0;
  /** When the last request that finished a recipient (accepted, or refused as blocked) arrived. */
  lastFinishedAt = 0;
  /** Personal conversations opened (POST /v3/conversations), per conversation id handed out. */
  readonly created = new Map<string, number>();
  /** Member lists read (GET …/members) and answered, as after installing the app for someone. */
  membersRead = 0;
  /** Blocked recipients seen so far. */
  private readonly blocked = new Set<string>();

  get blockedSeen(): number {
    return this.blocked.size;
  }
  private readonly window: number[] = [];
  private readonly perConversationWindows = new Map<string, number[]>();
  private readonly random: () => number;
  private server?: http.Server;

  constructor(private readonly limits: ConnectorLimits) {
    this.random = mulberry32(limits.seed);
  }

  /** Whether a conversation's user blocked the bot (decided by its id, so it is stable across retries). */
  isBlocked(conversationId: string): boolean {
    const h = crypto.createHash('sha1').update(conversationId).digest().readUInt32BE(0) / 0xffffffff;
    return h < this.limits.blockedShare;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const opening = req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '');
      let raw = '';
      if (opening) req.on('data', (chunk) => (raw += chunk));
      else req.resume();
      req.on('end', () => {
        // A new personal chat's id follows from its member ("29:staff-7" gets "a:staff-7"), as Teams returns the same chat for the same person.
        const member = opening ? ((JSON.parse(raw) as { members?: { id?: string }[] }).members?.[0]?.id ?? '') : '';
        const conversation = opening ? `a:${member.replace(/^29:/, '')}` : undefined;
        const members = req.method === 'GET' ? membersOf(req.url ?? '') : undefined;
        const { status, headers } = this.decide(req.url ?? '', conversation, !!members);
        this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        if (status !== 200) res.end('{}');
        else res.end(JSON.stringify(members ?? { id: conversation ?? `a-${Date.now()}` }));
      });
    });
    this.server.keepAliveTimeout = 60000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Answers one request; `opened` is the conversation a POST /v3/conversations would open; `reading` a members read. */
  private decide(url: string, opened?: string, reading = false): { status: number; headers?: Record<string, string> } {
    const now = Date.now();
    if (!this.firstRequestAt) this.firstRequestAt = now;
    this.requestTimes.push(now);
    const second = Math.floor((now - this.firstRequestAt) / 1000);
    this.perSecond[second] = (this.perSecond[second] ?? 0) + 1;
    const conversation = opened ?? decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(url)?.[1] ?? '');
    const recent = (list: number[]) => {
      while (list.length && list[0] <= now - 1000) list.shift();
      return list;
    };
    const global = recent(this.window);
    const mine = recent(this.perConversationWindows.get(conversation) ?? []);
    this.perConversationWindows.set(conversation, mine);
    if (global.length >= this.limits.ceiling || mine.length >= this.limits.perConversation) return { status: 429, headers: { 'retry-after': '1' } };
    global.push(now);
    mine.push(now);
    if (this.isBlocked(conversation)) {
      this.blocked.add(conversation);
      this.lastFinishedAt = now;
      return { status: 403 };
    }
    const roll = this.random();
    if (roll < this.limits.throttleShare) return { status: 429, headers: { 'retry-after': '1' } };
    if (roll < this.limits.throttleShare + this.limits.unavailableShare) return { status: 503 };
    if (opened) {
      this.created.set(conversation, (this.created.get(conversation) ?? 0) + 1);
      return { status: 200 };
    }
    if (reading) {
      this.membersRead++;
      return { status: 200 };
    }
    this.accepted.set(conversation, (this.accepted.get(conversation) ?? 0) + 1);
    this.lastAcceptedAt = now;
    this.lastFinishedAt = now;
    return { status: 200 };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
