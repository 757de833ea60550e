import { expect } from 'chai';
import { DateTime } from 'luxon';
import { createStore, Store } from '../../../../bot/platform/store/createStore';
import { migrate } from '../../../../bot/platform/store/openDatabase';
import { migrationFolders } from '../../../../bot/app/migrationFolders';
import { ETagConflictError } from '../../../../bot/platform/store/stateDocuments';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

/** A clock the tests move by hand. */
function movableClock(start = '2026-11-23T10:00:00Z') {
  let now = DateTime.fromISO(start, { zone: 'Europe/London' });
  return { now: () => now, advance: (days: number) => (now = now.plus({ days })) };
}

forEachEngine((engine) => {
  describe(`store contract (${engine})`, () => {
    let test: TestDatabase;
    let store: Store;
    let clock: ReturnType<typeof movableClock>;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = movableClock();
      store = createStore(test.opened.db, clock.now);
    });
    afterEach(() => test.cleanup());

    it('migrates once; a second run finds nothing to do', async () => {
      expect(await migrate(test.opened, migrationFolders)).to.deep.equal([]);
    });

    describe('state documents', () => {
      it('reads back what it wrote, with an eTag', async () => {
        const etag = await store.stateDocuments.write('k1', { a: 1, nested: { b: 'two' } });
        const read = await store.stateDocuments.read(['k1', 'missing']);
        expect(read.get('k1')).to.deep.equal({ document: { a: 1, nested: { b: 'two' } }, etag });
        expect(read.has('missing')).to.equal(false);
      });

      it('fails a write with a stale eTag and keeps the newer document', async () => {
        const first = await store.stateDocuments.write('k', { v: 1 });
        const second = await store.stateDocuments.write('k', { v: 2 }, first);
        let error: unknown;
        try {
          await store.stateDocuments.write('k', { v: 'lost update' }, first);
        } catch (err) {
          error = err;
        }
        expect(error).to.be.instanceOf(ETagConflictError);
        expect((await store.stateDocuments.read(['k'])).get('k')).to.deep.equal({ document: { v: 2 }, etag: second });
      });

      it('overwrites with "*"', async () => {
        await store.stateDocuments.write('k', { v: 1 });
        await store.stateDocuments.write('k', { v: 3 }, '*');
        expect((await store.stateDocuments.read(['k'])).get('k')?.document).to.deep.equal({ v: 3 });
      });

      it('refuses to create a document that appeared meanwhile ("" means "must be new")', async () => {
        await store.stateDocuments.write('k', { v: 1 });
        let error: unknown;
        await store.stateDocuments.write('k', { v: 2 }, '').catch((err) => (error = err));
        expect(error).to.be.instanceOf(ETagConflictError);
      });

      it('deletes', async () => {
        await store.stateDocuments.write('a', {});
        await store.stateDocuments.write('b', {});
        expect(await store.stateDocuments.delete(['a', 'b', 'c'])).to.equal(2);
        expect((await store.stateDocuments.read(['a', 'b'])).size).to.equal(0);
      });
    });

    describe('conversation references', () => {
      const ref = (userId: string, conversationId: string, scope = 'personal') => ({
        userId,
        conversationId,
        channelId: 'msteams',
        scope,
        serviceUrl: 'https://smba.example/',
        tenantId: 't1',
        aadObjectId: `aad-${userId}`,
        reference: { conversation: { id: conversationId }, user: { id: userId } },
      });

      it('upserts by user and conversation', async () => {
        await store.conversations.upsert(ref('u1', 'c1'));
        await store.conversations.upsert({ ...ref('u1', 'c1'), serviceUrl: 'https://smba2.example/' });
        const all = await store.conversations.forUser('u1');
        expect(all).to.have.length(1);
        expect(all[0]).to.include({ serviceUrl: 'https://smba2.example/', active: true, scope: 'personal', tenantId: 't1' });
        expect(all[0].reference).to.deep.equal({ conversation: { id: 'c1' }, user: { id: 'u1' } });
      });

      it('marks a conversation inactive on removal, and active again on the next message', async () => {
        await store.conversations.upsert(ref('u1', 'team-channel', 'channel'));
        await store.conversations.upsert(ref('u2', 'team-channel', 'channel'));
        expect(await store.conversations.deactivateConversation('team-channel')).to.equal(2);
        expect((await store.conversations.forUser('u1'))[0].active).to.equal(false);
        await store.conversations.upsert(ref('u1', 'team-channel', 'channel'));
        expect((await store.conversations.forUser('u1'))[0].active).to.equal(true);
      });

      it('finds active personal chats', async () => {
        await store.conversations.upsert(ref('u1', 'p1'));
        await store.conversations.upsert(ref('u2', 'p2'));
        await store.conversations.upsert(ref('u3', 'ch', 'channel'));
        await store.conversations.deactivate('u2', 'p2');
        expect((await store.conversations.activePersonalChats()).map((c) => c.userId)).to.deep.equal(['u1']);
        expect((await store.conversations.personalChat('u1'))?.conversationId).to.equal('p1');
        expect(await store.conversations.personalChat('u2')).to.equal(undefined);
      });
    });

    describe('profiles', () => {
      it('saves, replaces and deletes a profile', async () => {
        await store.profiles.save({
          userId: 'u1',
          sector: 'health',
          role: 'health-visitor',
          topics: ['safeguarding'],
          startDate: '2026-09-01',
          quietStart: '18:00',
          quietEnd: '08:00',
        });
        await store.profiles.save({ userId: 'u1', sector: 'youth', topics: [] });
        const profile = await store.profiles.get('u1');
        expect(profile).to.include({ userId: 'u1', sector: 'youth' });
        expect(profile?.role).to.equal(undefined);
        expect(profile?.topics).to.deep.equal([]);
        expect(await store.profiles.delete('u1')).to.equal(true);
        expect(await store.profiles.get('u1')).to.equal(undefined);
      });
    });

    describe('feedback and the gap report', () => {
      it('groups unanswered questions and counts unhelpful entries', async () => {
        const at = clock.now();
        for (const q of ['How do I claim mileage?', 'how do i claim mileage', 'parking at county hall']) {
          await store.feedback.recordUnanswered({ question: q, decision: 'unknown', channel: 'msteams', at });
        }
        await store.feedback.recordFeedback({ entryId: 'caf', helpful: false, channel: 'msteams', at });
        await store.feedback.recordFeedback({ entryId: 'caf', helpful: false, channel: 'webchat', at });
        await store.feedback.recordFeedback({ entryId: 'caf', helpful: true, channel: 'webchat', at });
        await store.feedback.recordFeedback({ entryId: 'tac', helpful: true, channel: 'webchat', at });
        const report = await store.feedback.gapReport(at.minus({ days: 30 }));
        expect(report.unanswered[0]).to.include({ times: 2 });
        expect(report.unanswered[0].question).to.match(/^how do i claim mileage\??$/i);
        expect(report.unanswered).to.have.length(2);
        expect(report.unhelpful).to.deep.equal([{ entryId: 'caf', notHelpful: 2, helpful: 1 }]);
      });

      it('scrubs personal details before storing', async () => {
        await store.feedback.recordUnanswered({ question: 'ring jo on 07700 900123 or jo@x.org', decision: 'unknown', channel: 'msteams', at: clock.now() });
        const row = await store.db.selectFrom('unanswered_questions').selectAll().executeTakeFirstOrThrow();
        // Names go too, so the gap report never shows who was asked about.
        expect(row.question).to.equal('ring [name] on [phone] or [email]');
      });

      it('purges unanswered questions older than the retention period', async () => {
        await store.feedback.recordUnanswered({ question: 'old', decision: 'unknown', channel: 'msteams', at: clock.now() });
        clock.advance(400);
        await store.feedback.recordUnanswered({ question: 'new', decision: 'unknown', channel: 'msteams', at: clock.now() });
        expect(await store.feedback.purgeUnanswered(clock.now().minus({ days: 365 }))).to.equal(1);
        const report = await store.feedback.gapReport(clock.now().minus({ days: 1000 }));
        expect(report.unanswered.map((u) => u.question)).to.deep.equal(['new']);
      });
    });

    describe('user data', () => {
      beforeEach(async () => {
        await store.profiles.save({ userId: 'u1', sector: 'health', topics: ['safeguarding'] });
        await store.conversations.upsert({
          userId: 'u1',
          conversationId: 'p1',
          channelId: 'msteams',
          scope: 'personal',
          serviceUrl: 'https://s/',
          reference: {},
        });
        await store.stateDocuments.write('user/msteams/u1', { settings: true });
        await store.stateDocuments.write('conversation/msteams/p1', { dialogStack: [] });
        await store.stateDocuments.write('user/msteams/u2', { other: true });
        await store.feedback.recordFeedback({ entryId: 'caf', helpful: true, channel: 'msteams', at: clock.now() });
      });

      it('erases reminder requests and delivery records too, so nothing more is sent', async () => {
        const at = '2026-11-23T10:00:00.000Z';
        await store.db
          .insertInto('training_reminders')
          .values({ user_id: 'u1', session_id: 's1', course_id: 'c1', status: 'active', round: 0, created_at: at, updated_at: at })
          .execute();
        await store.db
          .insertInto('outbox')
          .values({
            message_id: 'briefing:1',
            user_id: 'u1',
            kind: 'briefing',
            status: 'pending',
            pending_op: 'send',
            urgent: 0,
            not_before: at,
            next_attempt_at: at,
            attempts: 0,
            created_at: at,
            updated_at: at,
          })
          .execute();
        const data = await store.userData.export('u1');
        expect(data.trainingReminders).to.deep.equal([{ sessionId: 's1', courseId: 'c1', status: 'active', createdAt: at }]);
        expect(data.deliveries.map((d) => [d.messageId, d.status])).to.deep.equal([['briefing:1', 'pending']]);
        expect(await store.userData.erase('u1')).to.include({ trainingReminders: 1, deliveries: 1 });
        expect(await store.db.selectFrom('outbox').selectAll().execute()).to.deep.equal([]);
      });

      it('exports everything held about a person', async () => {
        const data = await store.userData.export('u1');
        expect(data.profile).to.include({ sector: 'health' });
        expect(data.conversations.map((c) => c.conversationId)).to.deep.equal(['p1']);
        expect(Object.keys(data.state).sort()).to.deep.equal(['conversation/msteams/p1', 'user/msteams/u1']);
        expect(JSON.stringify(data)).to.not.include('u2');
      });

      it('erases a person and nobody else, keeping anonymous records', async () => {
        expect(await store.userData.erase('u1')).to.deep.equal({ profile: true, conversations: 1, stateDocuments: 2, trainingReminders: 0, deliveries: 0 });
        expect(await store.profiles.get('u1')).to.equal(undefined);
        expect(await store.conversations.forUser('u1')).to.deep.equal([]);
        expect((await store.stateDocuments.read(['user/msteams/u1', 'user/msteams/u2'])).size).to.equal(1);
        expect((await store.feedback.gapReport(clock.now().minus({ days: 1 }))).unhelpful).to.deep.equal([]);
        const votes = await store.db.selectFrom('answer_feedback').selectAll().execute();
        expect(votes).to.have.length(1);
      });
    });
  });
});
