import crypto from 'node:crypto';
import type Redis from 'ioredis';

/** A Lua script run by its SHA once Redis knows it, so the text crosses the wire once per connection. */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = crypto.createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with these keys and arguments. */
  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Marks a conversation used (its hash's time and every key's expiry), and tells whether it is
 * still within its idle time by the bot's clock, not only Redis's. KEYS: hash, stream, client
 * ids. ARGV: now ms, idle ms.
 */
const KEEP = `
local function alive()
  local at = redis.call('HGET', KEYS[1], 'a')
  return at ~= false and tonumber(at) >= tonumber(ARGV[1]) - tonumber(ARGV[2])
end
local function keep()
  redis.call('HSET', KEYS[1], 'a', ARGV[1])
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
end
`;

/** Creates a conversation unless it exists. ARGV: now, idle, user id, name, email, object id. Returns 1 when created. */
export const START = new RedisScript(`${KEEP}
if alive() then keep() return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('HSET', KEYS[1], 'u', ARGV[3], 'n', ARGV[4], 'e', ARGV[5], 'o', ARGV[6], 'f', 1, 's', 0, 'b', 0, 'r', '')
keep()
return 1`);

/** Marks a conversation used. ARGV: now, idle. Returns 0 when it has gone. */
export const TOUCH = new RedisScript(`${KEEP}
if not alive() then return 0 end
keep()
return 1`);

/**
 * Appends activities with the next watermarks, then trims to the limits. ARGV: now, idle, max
 * activities, max bytes, 'client' or 'bot', client activity id ('' for none), flood max, flood
 * window ms, then (json, bytes) per activity. Returns {'ok', first seq, last seq}, {'resent',
 * seq}, {'throttled', retry-after seconds} or {'gone'}.
 */
export const APPEND = new RedisScript(`${KEEP}
local now = tonumber(ARGV[1])
if not alive() then return {'gone'} end
local client = ARGV[5] == 'client'
local cid = ARGV[6]
if client then
  if cid ~= '' then
    local earlier = redis.call('HGET', KEYS[3], cid)
    if earlier then keep() return {'resent', earlier} end
  end
  local max = tonumber(ARGV[7])
  local window = tonumber(ARGV[8])
  local kept = {}
  for t in string.gmatch(redis.call('HGET', KEYS[1], 'r') or '', '[^,]+') do
    if tonumber(t) > now - window then table.insert(kept, tonumber(t)) end
  end
  table.sort(kept)
  if #kept >= max then
    keep()
    return {'throttled', tostring(math.max(1, math.ceil((kept[#kept - max + 1] + window - now) / 1000)))}
  end
  table.insert(kept, now)
  redis.call('HSET', KEYS[1], 'r', table.concat(kept, ','))
end
local seq = tonumber(redis.call('HGET', KEYS[1], 's'))
local bytes = tonumber(redis.call('HGET', KEYS[1], 'b'))
local first = seq + 1
for i = 9, #ARGV, 2 do
  seq = seq + 1
  local k = ''
  if i == 9 and client then k = cid end
  redis.call('XADD', KEYS[2], '0-' .. seq, 'j', ARGV[i], 'n', ARGV[i + 1], 'k', k)
  bytes = bytes + tonumber(ARGV[i + 1])
  if k ~= '' then redis.call('HSET', KEYS[3], k, seq) end
end
local oldest = tonumber(redis.call('HGET', KEYS[1], 'f'))
local maxActivities = tonumber(ARGV[3])
local maxBytes = tonumber(ARGV[4])
while seq - oldest + 1 > 1 and (seq - oldest + 1 > maxActivities or bytes > maxBytes) do
  local entry = redis.call('XRANGE', KEYS[2], '0-' .. oldest, '0-' .. oldest)
  if entry[1] then
    local fields = entry[1][2]
    for j = 1, #fields, 2 do
      if fields[j] == 'n' then bytes = bytes - tonumber(fields[j + 1]) end
      if fields[j] == 'k' and fields[j + 1] ~= '' then redis.call('HDEL', KEYS[3], fields[j + 1]) end
    end
    redis.call('XDEL', KEYS[2], '0-' .. oldest)
  end
  oldest = oldest + 1
end
redis.call('HSET', KEYS[1], 's', seq, 'b', bytes, 'f', oldest)
keep()
return {'ok', tostring(first), tostring(seq)}`);

/** Marks a client activity id handled (its value gains ":h"). KEYS: client ids. ARGV: client activity id. */
export const HANDLED = new RedisScript(`
local seq = redis.call('HGET', KEYS[1], ARGV[1])
if seq and not string.find(seq, ':h', 1, true) then redis.call('HSET', KEYS[1], ARGV[1], seq .. ':h') end
return 1`);

/**
 * Replaces one kept activity with a redacted stand-in. A stream entry cannot be changed and XDEL
 * leaves its bytes in the stream's memory and snapshots, so the stream is rebuilt with the same
 * ids. KEYS: hash, stream. ARGV: seq, stand-in json, its bytes. Returns 0 when the entry is not held.
 */
export const REDACT = new RedisScript(`
local target = '0-' .. ARGV[1]
local all = redis.call('XRANGE', KEYS[2], '-', '+')
local found = false
for _, e in ipairs(all) do if e[1] == target then found = true end end
if not found then return 0 end
local ttl = redis.call('PTTL', KEYS[2])
redis.call('DEL', KEYS[2])
for _, e in ipairs(all) do
  local fields = e[2]
  if e[1] == target then
    local n, k = 0, ''
    for j = 1, #fields, 2 do
      if fields[j] == 'n' then n = tonumber(fields[j + 1]) elseif fields[j] == 'k' then k = fields[j + 1] end
    end
    fields = {'j', ARGV[2], 'n', ARGV[3], 'k', k}
    redis.call('HINCRBY', KEYS[1], 'b', tonumber(ARGV[3]) - n)
  end
  redis.call('XADD', KEYS[2], e[1], unpack(fields))
end
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1`);

/** The activities after a watermark. KEYS: hash, stream. ARGV: now, idle, watermark. Returns {last seq, entries} or nil when gone. */
export const SINCE = new RedisScript(`
local fields = redis.call('HMGET', KEYS[1], 's', 'a')
if not fields[1] or tonumber(fields[2]) < tonumber(ARGV[1]) - tonumber(ARGV[2]) then return nil end
return {fields[1], redis.call('XRANGE', KEYS[2], '0-' .. (tonumber(ARGV[3]) + 1), '+')}`);

/**
 * One event against a sliding window held as a sorted set of times. KEYS: the set. ARGV: now,
 * window ms, max, a unique member. Returns 0 when accepted, else the seconds to wait.
 */
export const TAKE = new RedisScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')
  return math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000))
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0`);
