import { expect } from 'chai';
import { DateTime } from 'luxon';
import { ContentEntries, SHIPPED_FILES } from '../../../bot/content/contentEntries';
import { LiveKnowledge } from '../../../bot/content/liveKnowledge';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { fixtureKnowledgeBase } from '../../helpers/fixtureKnowledge';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { silentLogger } from '../../helpers/testServices';

const clock = () => DateTime.fromISO('2026-11-23T10:00:00Z');

function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

forEachEngine((engine) => {
  describe(`live knowledge on two replicas (${engine})`, () => {
    let database: TestDatabase;
    let replicaA: LiveKnowledge;
    let replicaB: LiveKnowledge;
    let content: ContentEntries;
    const kb = fixtureKnowledgeBase();

    before(async () => {
      database = await openTestDatabase(engine);
      content = new ContentEntries(database.opened.db, clock);
      replicaA = new LiveKnowledge(kb, { content, logger: silentLogger });
      replicaB = new LiveKnowledge(kb, { content: new ContentEntries(database.opened.db, clock), logger: silentLogger });
      await replicaA.start(kb.entries, 50);
      await replicaB.start(kb.entries, 50);
    });
    after(async () => {
      replicaA.stop();
      replicaB.stop();
      await database.cleanup();
    });

    it('seeds a fresh database from the shipped entries once, however many replicas start', async () => {
      const records = await content.list();
      expect(records.map((r) => r.id)).to.deep.equal(kb.entries.map((e) => e.id));
      expect(records.every((r) => r.liveVersion === 1 && !r.draft)).to.equal(true);
      expect((await content.versions('alpha-plan')).map((v) => v.author)).to.deep.equal([SHIPPED_FILES]);
    });

    it('a publish on one replica answers on the other within its poll, with no restart', async () => {
      const alpha = kb.entries.find((e) => e.id === 'alpha-plan')!;
      const record = (await content.get('alpha-plan'))!;
      const edited: KnowledgeEntry = { ...alpha, aliases: [...alpha.aliases, 'zebra crossing plan'] };
      const saved = await content.saveDraft(edited, 'editor-one', record.revision);
      expect(saved.ok).to.equal(true);
      expect(replicaB.search.search('zebra crossing plan').answer?.entry.id).to.not.equal('alpha-plan');
      const published = await content.publish('alpha-plan', 'editor-two', { secondPerson: true });
      expect(published.ok).to.equal(true);
      replicaA.refreshSoon();
      await waitFor(() => replicaB.search.search('zebra crossing plan').answer?.entry.id === 'alpha-plan');
      await waitFor(() => replicaA.search.search('zebra crossing plan').answer?.entry.id === 'alpha-plan');
      expect(replicaB.revision).to.equal(await content.revision());
    });

    it('refuses a stale edit and a self-approval, never overwriting silently', async () => {
      const record = (await content.get('beta-coordinator'))!;
      const beta = record.live!;
      expect((await content.saveDraft({ ...beta, owner: 'First Editor' }, 'editor-one', record.revision)).ok).to.equal(true);
      const stale = await content.saveDraft({ ...beta, owner: 'Second Editor' }, 'editor-two', record.revision);
      expect(stale).to.deep.include({ ok: false, kind: 'conflict', by: 'editor-one' });
      expect((await content.get('beta-coordinator'))!.draft!.owner).to.equal('First Editor');
      const self = await content.publish('beta-coordinator', 'EDITOR-ONE', { secondPerson: true });
      expect(self).to.deep.include({ ok: false, kind: 'same-person' });
      expect((await content.get('beta-coordinator'))!.live!.owner).to.equal(beta.owner);
    });

    it('a later start keeps content owners\' edits but takes shipped changes to unedited entries', async () => {
      const gamma = kb.entries.find((e) => e.id === 'gamma-council')!;
      const alpha = kb.entries.find((e) => e.id === 'alpha-plan')!;
      const shipped = kb.entries.map((e) => (e.id === 'gamma-council' ? { ...gamma, owner: 'New Shipped Owner' } : e.id === 'alpha-plan' ? { ...alpha, owner: 'Shipped Owner Change' } : e));
      const result = await content.loadLive(shipped, SHIPPED_FILES, { onlyIfUnedited: true });
      expect(result).to.deep.equal({ added: 0, updated: 1, kept: ['alpha-plan'] });
      expect((await content.get('gamma-council'))!.live!.owner).to.equal('New Shipped Owner');
      expect((await content.get('alpha-plan'))!.live!.aliases).to.include('zebra crossing plan');
    });
  });
});
