import crypto from 'node:crypto';
import { expect } from 'chai';
import Redis from 'ioredis';
import { sql } from 'kysely';
import { REDACTED_TEXT } from '../../../../bot/webchat/directLineStore';
import { redisKeyPrefix } from '../../../../bot/webchat/redisDirectLineStore';
import { DirectLineClient } from '../../../helpers/directLineClient';
import { ConnectionStatus, OfficialClient } from '../../../helpers/directLineJs';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { openTestDatabase, postgresAvailability, TestDatabase } from '../../../helpers/testDatabase';
import { redisUrlForTests } from '../../../helpers/testRedis';

/** Words no other test or seed uses, so finding them anywhere in a store means this concern was kept. */
const MARKER = `zorblat${crypto.randomBytes(4).toString('hex')}`;
const CONCERN = `my neighbour ${MARKER} keeps hitting his little boy, I saw bruises on his arms today`;
const CONCERN_IN_FORM = `the ${MARKER} girl in year 9 told me her stepdad touches her at night`;
const URGENT = /Worried about a child\u2019s safety\?|A child in danger now\? Call 999\./;

const pg = postgresAvailability();
const redisUrl = redisUrlForTests();
type Variant = { name: string; database: 'sqlite' | 'postgres'; redis: boolean };
const variants: Variant[] = [
  { name: 'SQLite', database: 'sqlite', redis: false },
  ...(pg.url ? [{ name: 'PostgreSQL', database: 'postgres' as const, redis: false }] : []),
  ...(redisUrl ? [{ name: 'Redis', database: 'sqlite' as const, redis: true }] : []),
];

/** Everything the shared store holds for a conversation, read as an insider would: raw rows, or raw Redis values and DUMPs. */
async function rawStore(bot: RunningBot, variant: Variant, schema: string): Promise<string> {
  if (!variant.redis) {
    const rows = await sql<Record<string, unknown>>`select * from directline_activities`.execute(bot.services.database.db);
    return JSON.stringify(rows.rows);
  }
  const redis = new Redis(redisUrl!);
  try {
    const keys = await redis.keys(`${redisKeyPrefix(schema || undefined)}*`);
    const parts: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      // The serialised value holds whatever bytes the key still keeps, deleted stream entries included.
      parts.push(((await redis.dumpBuffer(key)) ?? Buffer.alloc(0)).toString('latin1'));
    }
    return parts.join('\n');
  } finally {
    await redis.quit();
  }
}

describe('a safeguarding concern typed into web chat is not kept in the Direct Line store (issue 12)', () => {
  if (!pg.url)
    it('PostgreSQL variant skipped', function () {
      console.log(`      skipped: ${pg.reason}`);
      this.skip();
    });
  if (!redisUrl)
    it('Redis variant skipped', function () {
      console.log('      skipped: REDIS_URL is not set');
      this.skip();
    });

  for (const variant of variants) {
    describe(variant.name, () => {
      let database: TestDatabase | undefined;
      let bot: RunningBot;
      let client: OfficialClient | undefined;
      let schema = '';

      before(async function () {
        this.timeout(60000);
        database = await openTestDatabase(variant.database);
        schema = database.env.DATABASE_SCHEMA ?? '';
        if (variant.redis) schema = `t_${crypto.randomBytes(6).toString('hex')}`;
        bot = await startBot(
          { ...database.env, ...(variant.redis ? { REDIS_URL: redisUrl!, DATABASE_SCHEMA: schema } : { REDIS_URL: '' }) },
          { database: database.opened },
        );
      });

      after(async () => {
        client?.end();
        await bot?.stop();
        await database?.cleanup();
      });

      it('sent through DirectLineJS, the concern gets the urgent card, and neither its text nor a form value is in the store afterwards', async function () {
        this.timeout(60000);
        const given = await new DirectLineClient(bot.url).pageToken();
        client = new OfficialClient(`${bot.url}/v3/directline`, given.body.token, false);
        await client.status(ConnectionStatus.Online);
        const id = await client.post(CONCERN, 'client-concern-1');
        const replies = await client.replyTo(id);
        const fallback =
          (replies[0].attachments as { content?: { fallbackText?: string } }[] | undefined)?.[0]?.content?.fallbackText ?? String(replies[0].text);
        expect(fallback).to.match(URGENT);

        const formId = await new Promise<string>((resolve, reject) =>
          client!.directLine
            .postActivity({ type: 'message', from: { id: 'ignored' }, value: { verb: 'pulse.answer', comment: CONCERN_IN_FORM } } as never)
            .subscribe((posted) => resolve(posted), reject),
        );
        await client.replyTo(formId);
        const ordinary = await client.post('what is the LADO', 'client-ordinary-1');
        await client.replyTo(ordinary);

        const raw = await rawStore(bot, variant, schema);
        expect(raw, 'the store holds this conversation').to.include('what is the LADO');
        expect(raw).to.include(REDACTED_TEXT.slice(0, 30));
        expect(raw, 'the concern is gone from the store').not.to.include(MARKER);
        // What the page reads back on reload shows the placeholder in its place, answered as before.
        const conversationId = id.slice(0, id.lastIndexOf('|'));
        const kept = await bot.services.webChat.conversations.since(conversationId, 0);
        expect(kept!.activities.find((a) => a.id === id)?.text).to.equal(REDACTED_TEXT);
      });
    });
  }
});
