import { expect } from 'chai';
import { createServices } from '../../../bot/app/services';
import { stamp } from '../../../bot/platform/store/timestamps';
import { fixedClock, shippedKnowledgeBase, silentLogger, testConfig } from '../../helpers/testServices';
import { openTestDatabase, TestDatabase } from '../../helpers/testDatabase';

/** Unanswered questions still stored (housekeeping purges those past the retention period). */
const storedQuestions = async (database: TestDatabase) =>
  (await database.opened.db.selectFrom('unanswered_questions').select('question').execute()).map((r) => r.question);

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
    const services = await createServices(testConfig(database.env), {
      database: database.opened,
      kb: shippedKnowledgeBase(),
      now: fixedClock,
      logger: silentLogger,
    });
    try {
      // Give anything started while building the chance to run: nothing should.
      await new Promise((resolve) => setTimeout(resolve, 200));
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
    const services = await createServices(testConfig(database.env), {
      database: database.opened,
      kb: shippedKnowledgeBase(),
      now: fixedClock,
      logger: silentLogger,
    });
    await services.close();
    expect(await storedQuestions(database)).to.deep.equal(['an old question']);
  });
});
