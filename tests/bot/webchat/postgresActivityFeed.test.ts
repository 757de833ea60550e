import { expect } from 'chai';
import { sql } from 'kysely';
import { FeedEvent } from '../../../bot/webchat/activityFeed';
import { feedChannel, PostgresActivityFeed } from '../../../bot/webchat/postgresActivityFeed';
import { openTestDatabase, postgresAvailability, TestDatabase } from '../../helpers/testDatabase';
import { silentLogger } from '../../helpers/testServices';

/** Resolves once `events` holds `count` items, or rejects after a while. */
async function waitFor<T>(events: T[], count: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (events.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${events.length} of ${count} events arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pg = postgresAvailability();
(pg.url ? describe : describe.skip)('PostgresActivityFeed (LISTEN/NOTIFY between replicas)', () => {
  let test: TestDatabase;
  let a: PostgresActivityFeed;
  let b: PostgresActivityFeed;

  before(async () => {
    test = await openTestDatabase('postgres');
    const options = { url: pg.url!, schema: test.env.DATABASE_SCHEMA, db: test.opened.db, logger: silentLogger };
    a = new PostgresActivityFeed(options);
    b = new PostgresActivityFeed(options);
    await a.start();
    await b.start();
  });
  after(async () => {
    await a.close();
    await b.close();
    await test.cleanup();
  });

  it("delivers a replica's events to its own listeners at once and to the other replica's once", async () => {
    const onA: FeedEvent[] = [];
    const onB: FeedEvent[] = [];
    const stopA = a.subscribe('conv-1', (e) => onA.push(e));
    const stopB = b.subscribe('conv-1', (e) => onB.push(e));
    const other: FeedEvent[] = [];
    const stopOther = b.subscribe('conv-2', (e) => other.push(e));
    await a.publish({ kind: 'stored', conversationId: 'conv-1', watermark: 3 });
    expect(onA).to.deep.equal([{ kind: 'stored', conversationId: 'conv-1', watermark: 3 }]);
    await waitFor(onB, 1);
    await a.publish({ kind: 'ephemeral', conversationId: 'conv-1', activity: { type: 'typing' } });
    await waitFor(onB, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(onA, 'its own notification is not delivered twice').to.have.length(2);
    expect(onB).to.deep.equal([
      { kind: 'stored', conversationId: 'conv-1', watermark: 3 },
      { kind: 'ephemeral', conversationId: 'conv-1', activity: { type: 'typing' } },
    ]);
    expect(other, 'another conversation heard nothing').to.deep.equal([]);
    stopA();
    stopB();
    stopOther();
  });

  it('ignores notifications from other deployments on the same server and malformed ones', async () => {
    const heard: FeedEvent[] = [];
    const stop = b.subscribe('conv-3', (e) => heard.push(e));
    const event = JSON.stringify({ r: 'someone', e: { kind: 'stored', conversationId: 'conv-3', watermark: 1 } });
    await sql`select pg_notify(${feedChannel('another_schema')}, ${event})`.execute(test.opened.db);
    await sql`select pg_notify(${feedChannel(test.env.DATABASE_SCHEMA)}, ${'not json'})`.execute(test.opened.db);
    await sql`select pg_notify(${feedChannel(test.env.DATABASE_SCHEMA)}, ${event})`.execute(test.opened.db);
    await waitFor(heard, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).to.have.length(1);
    stop();
  });

  it('reconnects after losing its listening connection and asks every stream to read again', async () => {
    const heard: FeedEvent[] = [];
    const stop = b.subscribe('conv-4', (e) => heard.push(e));
    const pid = (b as unknown as { client: { processID: number } }).client.processID;
    await sql`select pg_terminate_backend(${pid})`.execute(test.opened.db);
    await waitFor(heard, 1);
    expect(heard[0]).to.deep.equal({ kind: 'resync', conversationId: 'conv-4' });
    await a.publish({ kind: 'stored', conversationId: 'conv-4', watermark: 9 });
    await waitFor(heard, 2);
    expect(heard[1]).to.deep.equal({ kind: 'stored', conversationId: 'conv-4', watermark: 9 });
    stop();
  });
});
