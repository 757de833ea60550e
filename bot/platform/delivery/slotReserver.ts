import { Kysely, sql } from 'kysely';
import type Redis from 'ioredis';
import { DatabaseSchema } from '../store/schema';

/**
 * Paces sends against a shared limit: each call books the next free slot of a key (one slot per
 * `intervalMs`) and says how long to wait for it. Booking is one atomic statement in a shared
 * engine, so every replica draws from the same budget (the generic cell rate algorithm).
 */
export interface SlotReserver {
  reserve(key: string, intervalMs: number, nowMs: number): Promise<number>;
}

/** Slots in the bot's own database (SQLite or PostgreSQL): no extra service needed. */
export class DatabaseSlotReserver implements SlotReserver {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async reserve(key: string, intervalMs: number, nowMs: number): Promise<number> {
    const row = await sql<{ tat: number }>`
      insert into rate_slots (key, tat) values (${key}, ${nowMs + intervalMs})
      on conflict (key) do update set tat = (case when rate_slots.tat > ${nowMs} then rate_slots.tat else ${nowMs} end) + ${intervalMs}
      returning tat`.execute(this.db);
    const slot = Number(row.rows[0].tat) - intervalMs;
    return Math.max(0, slot - nowMs);
  }
}

const RESERVE_SCRIPT = `
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
if tat < now then tat = now end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.max(1000, math.floor(tat + interval - now) + 60000))
return tostring(tat)`;

/** Slots in Redis, for large organisations whose replicas share a Redis (REDIS_URL). */
export class RedisSlotReserver implements SlotReserver {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'staffbot:rate:',
  ) {}

  async reserve(key: string, intervalMs: number, nowMs: number): Promise<number> {
    const slot = Number(await this.redis.eval(RESERVE_SCRIPT, 1, this.prefix + key, String(nowMs), String(intervalMs)));
    return Math.max(0, slot - nowMs);
  }
}
