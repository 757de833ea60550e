import crypto from 'node:crypto';
import type Redis from 'ioredis';
import { DateTime } from 'luxon';
import {
  activityId,
  ActivitySet,
  ClientAppend,
  ConversationLimits,
  ConversationUser,
  DEFAULT_CONVERSATION_LIMITS,
  DirectLineActivity,
  DirectLineStore,
  LimitVerdict,
  redactedActivity,
  seqOfActivityId,
  StoredConversation,
  storedForm,
  WindowLimit,
  withId,
} from './directLineStore';
import { APPEND, HANDLED, REDACT, SINCE, START, TAKE, TOUCH } from './redisScripts';

/** Where the keys of one deployment start; a namespace (such as the database schema) keeps deployments apart. */
export function redisKeyPrefix(namespace?: string): string {
  return `staffbot:dl:${namespace ? `${namespace}:` : ''}`;
}

/**
 * The built-in Direct Line's state in Redis, for replicas that share one (REDIS_URL): a hash per
 * conversation, its activities in a stream whose entry ids are the watermarks, the client
 * activity ids it has seen, and sorted sets for sliding-window limits. Every change is one Lua
 * script, so it is atomic, and every key expires after the idle time, so purging is Redis's job.
 */
export class RedisDirectLineStore implements DirectLineStore {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => DateTime,
    private readonly prefix: string = redisKeyPrefix(),
    private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
  ) {}

  async start(id: string, user: ConversationUser): Promise<{ conversation: StoredConversation; created: boolean }> {
    const created = Number(await START.run(this.redis, this.keys(id), [...this.keepArgs(), user.id, user.name ?? '', user.email ?? '', user.oid ?? ''])) === 1;
    const conversation = await this.read(id);
    if (!conversation) throw new Error(`conversation ${id} vanished as it started`);
    return { conversation, created };
  }

  async find(id: string): Promise<StoredConversation | undefined> {
    const conversation = await this.read(id);
    if (conversation && this.now().toMillis() - conversation.lastActiveAt.toMillis() >= this.limits.touchEveryMs) await this.touch(id);
    return conversation;
  }

  async touch(id: string): Promise<boolean> {
    return Number(await TOUCH.run(this.redis, this.keys(id), this.keepArgs())) === 1;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.read(id)) !== undefined;
  }

  async appendFromClient(id: string, activity: DirectLineActivity, clientActivityId: string | undefined): Promise<ClientAppend> {
    const form = storedForm(activity);
    const { flood } = this.limits;
    const [outcome, a] = (await APPEND.run(this.redis, this.keys(id), [
      ...this.appendArgs('client', clientActivityId ?? ''),
      flood.max,
      flood.windowMs,
      form.json,
      form.bytes,
    ])) as string[];
    if (outcome === 'gone') return { outcome: 'gone' };
    if (outcome === 'resent') {
      const seq = Number(a.split(':')[0]);
      const [entry] = (await this.redis.xrange(this.keys(id)[1], `0-${seq}`, `0-${seq}`)) as [string, string[]][];
      return {
        outcome: 'resent',
        id: activityId(id, seq),
        handled: a.endsWith(':h') || !entry,
        activity: withId(id, seq, entry ? field(entry[1], 'j') : form.json),
      };
    }
    if (outcome === 'throttled') return { outcome: 'throttled', retryAfterSeconds: Number(a) };
    return { outcome: 'appended', activity: withId(id, Number(a), form.json) };
  }

  async markHandled(id: string, clientActivityId: string): Promise<void> {
    await HANDLED.run(this.redis, [this.keys(id)[2]], [clientActivityId]);
  }

  async appendFromBot(id: string, activities: DirectLineActivity[]): Promise<DirectLineActivity[] | undefined> {
    if (!activities.length) return (await this.touch(id)) ? [] : undefined;
    const forms = activities.map(storedForm);
    const [outcome, first] = (await APPEND.run(this.redis, this.keys(id), [
      ...this.appendArgs('bot', ''),
      0,
      0,
      ...forms.flatMap((f) => [f.json, f.bytes]),
    ])) as string[];
    if (outcome === 'gone') return undefined;
    return forms.map((f, i) => withId(id, Number(first) + i, f.json));
  }

  async since(id: string, watermark: number): Promise<ActivitySet | undefined> {
    const result = (await SINCE.run(this.redis, this.keys(id).slice(0, 2), [...this.keepArgs(), watermark])) as [string, [string, string[]][]] | null;
    if (!result) return undefined;
    const [last, entries] = result;
    const activities = entries.map(([entryId, fields]) => withId(id, Number(entryId.split('-')[1]), field(fields, 'j')));
    const newest = activities.length ? Number(entries[entries.length - 1][0].split('-')[1]) : 0;
    return { activities, watermark: String(Math.max(Number(last), newest)) };
  }

  async take(key: string, limit: WindowLimit): Promise<LimitVerdict> {
    const wait = Number(await TAKE.run(this.redis, [`${this.prefix}l:{${key}}`], [this.now().toMillis(), limit.windowMs, limit.max, crypto.randomUUID()]));
    return wait > 0 ? { accepted: false, retryAfterSeconds: wait } : { accepted: true };
  }

  /** Keys expire after the idle time on their own. */
  async purgeIdle(): Promise<number> {
    return 0;
  }

  async redact(conversationId: string, activityId: string): Promise<boolean> {
    const seq = seqOfActivityId(activityId);
    const keys = this.keys(conversationId);
    const [entry] = (await this.redis.xrange(keys[1], `0-${seq}`, `0-${seq}`)) as [string, string[]][];
    if (!entry) return false;
    const form = storedForm(redactedActivity(JSON.parse(field(entry[1], 'j')) as DirectLineActivity));
    return Number(await REDACT.run(this.redis, keys.slice(0, 2), [seq, form.json, form.bytes])) === 1;
  }

  private async read(id: string): Promise<StoredConversation | undefined> {
    const hash = await this.redis.hgetall(this.keys(id)[0]);
    // Idle by the bot's clock counts as gone, as in the database, even before Redis expires the keys.
    if (!hash.u || Number(hash.a ?? 0) < this.now().toMillis() - this.limits.idleMinutes * 60_000) return undefined;
    return {
      id,
      user: { id: hash.u, ...(hash.n ? { name: hash.n } : {}), ...(hash.e ? { email: hash.e } : {}), ...(hash.o ? { oid: hash.o } : {}) },
      lastSeq: Number(hash.s ?? 0),
      lastActiveAt: DateTime.fromMillis(Number(hash.a ?? 0), { zone: 'utc' }),
    };
  }

  /** The conversation's hash, activity stream and client ids, under one hash tag so a Redis Cluster keeps them together. */
  private keys(id: string): string[] {
    const base = `${this.prefix}c:{${id}}`;
    return [base, `${base}:a`, `${base}:k`];
  }

  private keepArgs(): (string | number)[] {
    return [this.now().toMillis(), this.limits.idleMinutes * 60_000];
  }

  private appendArgs(mode: 'client' | 'bot', clientActivityId: string): (string | number)[] {
    return [...this.keepArgs(), this.limits.maxActivities, this.limits.maxBytes, mode, clientActivityId];
  }
}

/** A field's value in a stream entry's flat field list. */
function field(fields: string[], name: string): string {
  const index = fields.indexOf(name);
  return index >= 0 && index % 2 === 0 ? fields[index + 1] : '{}';
}
