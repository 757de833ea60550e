import { expect } from 'chai';
import { QuestionAnswerer } from '../../../../bot/features/answers/questionAnswerer';
import { createStore } from '../../../../bot/platform/store/createStore';
import { KnowledgeSearch } from '../../../../knowledge/knowledgeSearch';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { fixedClock, shippedKnowledgeBase } from '../../../helpers/testServices';

const search = new KnowledgeSearch(shippedKnowledgeBase());
/** A question the shipped knowledge base answers only with "did you mean". */
const QUESTION = 'local workforce strategy';

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

    /** Asks a question the knowledge base only has guesses for, records the gap, and returns its button's reference. */
    async function suggestedRef(replying: QuestionAnswerer): Promise<string> {
      const reply = await replying.answer(QUESTION, 'msteams');
      if (reply.kind !== 'suggest' || !reply.gapRef) throw new Error(`expected "did you mean" with a reference, got ${reply.kind}`);
      await replying.recordGaps();
      return reply.gapRef;
    }

    /** Presses "None of these" twice: the first press finds the question and records it, the second finds nothing. */
    async function expectClaimedOnce(pressed: QuestionAnswerer, ref: string): Promise<void> {
      expect(await pressed.recordNoneOfThese(ref, 'msteams')).to.equal(true);
      expect(await pressed.recordNoneOfThese(ref, 'msteams'), 'a second press').to.equal(false);
      const rows = await test.opened.db.selectFrom('unanswered_questions').select(['question', 'decision']).orderBy('id').execute();
      expect(rows).to.deep.equal([
        { question: QUESTION, decision: 'suggest' },
        { question: QUESTION, decision: 'none-of-these' },
      ]);
    }

    it('finds the question through the store, once', async () => {
      const [replying, pressed] = replicas();
      await expectClaimedOnce(pressed, await suggestedRef(replying));
    });

    it('records the press of the person who asked: a question counts once a day per asker, its "None of these" is not a repeat', async () => {
      const [replying, pressed] = replicas('msteams:someone');
      await expectClaimedOnce(pressed, await suggestedRef(replying));
    });

    it("finds a question asked again the same day, which the store kept once, by the later reply's reference", async () => {
      const [replying, pressed] = replicas('msteams:someone');
      await suggestedRef(replying);
      await expectClaimedOnce(pressed, await suggestedRef(replying));
    });

    it('refuses a reference no replica gave', async () => {
      const [, pressed] = replicas();
      expect(await pressed.recordNoneOfThese('00000000-0000-4000-8000-000000000000', 'msteams')).to.equal(false);
    });
  });
});
