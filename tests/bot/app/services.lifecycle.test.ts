import { expect } from 'chai';
import { createServices } from '../../../bot/app/services';
import { sql } from 'kysely';
import { stamp } from '../../../bot/platform/store/timestamps';
import { feedChannel } from '../../../bot/webchat/postgresActivityFeed';
import { fixedClock, shippedKnowledgeBase, silentLogger, testConfig } from '../../helpers/testServices';
import { openTestDatabase, postgresAvailability, TestDatabase } from '../../helpers/testDatabase';

/** Unanswered questions still stored (housekeeping purges those past the retention period). */
const storedQuestions = async (database: TestDatabase) =>
  (await database.opened.db.selectFrom('unanswered_questions').select('question').execute()).map((r) => r.question);

/** The real services over a test database, built and not started. */
const buildServices = (database: TestDatabase) =>
  createServices(testConfig(database.env), { database: database.opened, kb: shippedKnowledgeBase(), now: fixedClock, logger: silentLogger });

describe('composition root lifecycle', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase('sqlite');
    const old = fixedClock().minus({ days: 400 });
    await database.opened.db
      .insertInto('unanswered_questions')
      .values({ question: 'an old question', normalised: 'an old question', decision: 'unknown', channel: 'msteams', created_at: stamp(old) })
      .execute();
  });
  afterEach(() => database.cleanup());

  it('builds every service without starting any background work, and start() starts it', async () => {
    const services = await buildServices(database);
    try {
      // Work started while building issues its first query within microtasks, ahead of this read on SQLite's one connection.
      await new Promise((resolve) => setImmediate(resolve));
      expect(await storedQuestions(database), 'housekeeping ran while the services were only being built').to.deep.equal(['an old question']);

      await services.start();
      let left = await storedQuestions(database);
      for (let tries = 0; left.length && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = await storedQuestions(database);
      }
      expect(left, 'start() runs housekeeping').to.deep.equal([]);
    } finally {
      await services.close();
    }
  });

  it('closes services that were never started', async () => {
    const services = await buildServices(database);
    await services.close();
    expect(await storedQuestions(database)).to.deep.equal(['an old question']);
  });
});

(postgresAvailability().url ? describe : describe.skip)('composition root lifecycle (postgres web chat)', function () {
  this.timeout(60000);
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase('postgres');
  });
  afterEach(() => database.cleanup());

  /** Server connections listening on this deployment's web chat channel. */
  const listening = async () => {
    const statement = `LISTEN "${feedChannel(database.env.DATABASE_SCHEMA)}"`;
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where query = ${statement}`.execute(database.opened.db);
    return Number(rows[0].n);
  };

  /** Polls until the condition holds (a closed connection leaves the server's activity view a moment later). */
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (let tries = 0; tries < 200; tries++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect.fail(what);
  };

  it('opens the web chat LISTEN connection in start(), not while building, and close() closes it', async () => {
    const services = await buildServices(database);
    try {
      expect(services.webChat.mode).to.equal('builtin');
      expect(await listening(), 'building opened a LISTEN connection').to.equal(0);
      await services.start({ deliveryWorker: false });
      expect(await listening(), 'start() listens before it resolves').to.equal(1);
    } finally {
      await services.close();
    }
    await until(async () => (await listening()) === 0, 'close() left the LISTEN connection open');
  });
});
