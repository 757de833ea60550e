import { expect } from 'chai';
import { QuestionAnswerer } from '../../../../bot/features/answers/questionAnswerer';
import { createStore } from '../../../../bot/platform/store/createStore';
import { KnowledgeSearch } from '../../../../knowledge/knowledgeSearch';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { fixedClock, shippedKnowledgeBase } from '../../../helpers/testServices';

const search = new KnowledgeSearch(shippedKnowledgeBase());

forEachEngine((engine) => {
  describe(`"None of these" pressed on another replica (${engine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
    });
    afterEach(() => test.cleanup());

    /** Two replicas: each its own answerer (and gap queue) over one shared database. */
    function replicas(asker?: string): [QuestionAnswerer, QuestionAnswerer] {
      const store = createStore(test.opened.db, fixedClock, { askerOf: () => asker });
      return [new QuestionAnswerer(search, store.feedback, fixedClock, null), new QuestionAnswerer(search, store.feedback, fixedClock, null)];
    }

    it('finds the question through the store, once', async () => {
      const [replying, pressed] = replicas();
      const reply = await replying.answer('local workforce strategy', 'msteams');
      expect(reply.kind).to.equal('suggest');
      const ref = reply.kind === 'suggest' ? reply.gapRef : undefined;
      await replying.recordGaps();

      expect(await pressed.recordNoneOfThese(ref!, 'msteams')).to.equal(true);
      expect(await pressed.recordNoneOfThese(ref!, 'msteams'), 'a second press').to.equal(false);
      const rows = await test.opened.db.selectFrom('unanswered_questions').select(['question', 'decision']).orderBy('id').execute();
      expect(rows).to.deep.equal([
        { question: 'local workforce strategy', decision: 'suggest' },
        { question: 'local workforce strategy', decision: 'none-of-these' },
      ]);
    });

    it('records the press of the person who asked: a question counts once a day per asker, its "None of these" is not a repeat', async () => {
      const [replying, pressed] = replicas('msteams:someone');
      const reply = await replying.answer('local workforce strategy', 'msteams');
      await replying.recordGaps();
      expect(await pressed.recordNoneOfThese(reply.kind === 'suggest' ? reply.gapRef! : '', 'msteams')).to.equal(true);
      const rows = await test.opened.db.selectFrom('unanswered_questions').select('decision').orderBy('id').execute();
      expect(rows.map((r) => r.decision)).to.deep.equal(['suggest', 'none-of-these']);
    });

    it("finds a question asked again the same day, which the store kept once, by the later reply's reference", async () => {
      const [replying, pressed] = replicas('msteams:someone');
      await replying.answer('local workforce strategy', 'msteams');
      await replying.recordGaps();
      const again = await replying.answer('local workforce strategy', 'msteams');
      const ref = again.kind === 'suggest' ? again.gapRef : undefined;
      await replying.recordGaps();

      expect(await pressed.recordNoneOfThese(ref!, 'msteams')).to.equal(true);
      expect(await pressed.recordNoneOfThese(ref!, 'msteams'), 'a second press').to.equal(false);
      const rows = await test.opened.db.selectFrom('unanswered_questions').select(['question', 'decision']).orderBy('id').execute();
      expect(rows).to.deep.equal([
        { question: 'local workforce strategy', decision: 'suggest' },
        { question: 'local workforce strategy', decision: 'none-of-these' },
      ]);
    });

    it('refuses a reference no replica gave', async () => {
      const [, pressed] = replicas();
      expect(await pressed.recordNoneOfThese('00000000-0000-4000-8000-000000000000', 'msteams')).to.equal(false);
    });
  });
});
