import { expect } from 'chai';
import { createStore } from '../../../bot/platform/store/createStore';
import { SqlDirectLineStore } from '../../../bot/webchat/sqlDirectLineStore';
import { webChatHousekeeping } from '../../../bot/webchat/webChatHousekeeping';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { silentLogger } from '../../helpers/testServices';
import { TestClock } from './directLineStoreContract';

forEachEngine((engine) => {
  describe(`web chat housekeeping (${engine})`, () => {
    let test: TestDatabase;
    let clock: TestClock;
    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = new TestClock();
    });
    afterEach(() => test.cleanup());

    /** A web chat conversation with its reference and dialog state, as a turn would leave them. */
    async function chat(store: SqlDirectLineStore, conversationId: string, userId: string): Promise<void> {
      const kept = createStore(test.opened.db, clock.now);
      await store.start(conversationId, { id: userId });
      await kept.conversations.upsert({ userId, conversationId, channelId: 'webchat', scope: 'webchat', serviceUrl: 'webchat', reference: {} });
      await kept.stateDocuments.write(`conversation/webchat/${conversationId}`, { dialogStack: [] });
    }

    it('purges idle conversations, erases anonymous visitors who have no conversation left, and drops gone conversations’ state', async () => {
      const store = new SqlDirectLineStore(test.opened.db, clock.now);
      const { db } = test.opened;
      const erased: string[] = [];
      const housekeeping = webChatHousekeeping({
        store,
        db,
        eraseUser: async (id) => erased.push(id),
        idleMinutes: 60,
        now: clock.now,
        logger: silentLogger,
      });
      await chat(store, 'gone-anon', 'dl_anon_11111111-1111-4111-8111-111111111111');
      await chat(store, 'open-anon', 'dl_anon_22222222-2222-4222-8222-222222222222');
      await chat(store, 'gone-verified', 'dl_user_E1');
      clock.advance(45 * 60);
      // An open page reads or pings; the conversation lives on though nothing was said for over an hour.
      await store.touch('open-anon');
      clock.advance(30 * 60);

      const purged = await housekeeping.runOnce();
      housekeeping.stop();
      expect(purged).to.deep.equal({ conversations: 2, visitors: 1, stateDocuments: 2 });
      expect(erased).to.deep.equal(['dl_anon_11111111-1111-4111-8111-111111111111']);
      expect(await store.exists('open-anon')).to.equal(true);
      const states = await db.selectFrom('bot_state').select('key').execute();
      expect(states.map((s) => s.key).sort()).to.deep.equal(['conversation/webchat/open-anon']);
      const refs = await db.selectFrom('conversation_refs').select('user_id').execute();
      expect(
        refs.map((r) => r.user_id),
        'a verified person keeps their reference (for export and erasure)',
      ).to.include('dl_user_E1');
      expect(await db.selectFrom('directline_activities').select('seq').execute()).to.deep.equal([]);
    });
  });
});
