import { expect } from 'chai';
import { CatalogueStore, courseRecordOf, SHIPPED_YAML } from '../../../../bot/features/catalogue/catalogueItems';
import { LiveCatalogue } from '../../../../bot/features/catalogue/liveCatalogue';
import { TrainingFinder } from '../../../../bot/features/training/trainingFinder';
import { loadCheckedCatalogue } from '../../../../knowledge/training/checkedCatalogue';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { fixedClock, silentLogger } from '../../../helpers/testServices';

const shipped = loadCheckedCatalogue();

forEachEngine((engine) =>
  describe(`live training catalogue on two replicas (${engine})`, () => {
    let test: TestDatabase;
    const replicas: LiveCatalogue[] = [];
    before(async () => {
      test = await openTestDatabase(engine);
    });
    after(async () => {
      for (const r of replicas) r.stop();
      await test.cleanup();
    });

    /** A replica: its own store, finder and live catalogue over the shared database, polling rarely so the test drives it. */
    async function replica(): Promise<LiveCatalogue> {
      const live = new LiveCatalogue(new CatalogueStore(test.opened.db, fixedClock), new TrainingFinder(shipped), silentLogger);
      await live.start(shipped, 60000);
      replicas.push(live);
      return live;
    }

    it('seeds a fresh database from the shipped YAML once, however many replicas start, keeping the YAML order', async () => {
      const [one, two] = await Promise.all([replica(), replica()]);
      const store = new CatalogueStore(test.opened.db, fixedClock);
      expect(await store.list()).to.have.length(shipped.courses.length + shipped.sessions.length);
      expect((await store.versions('course:caf-lead-professional')).map((v) => v.author)).to.deep.equal([SHIPPED_YAML]);
      for (const live of [one, two]) expect(live.catalogue.courses.map((c) => c.id)).to.deep.equal(shipped.courses.map((c) => c.id));
    });

    it('a publish on one replica reaches the other at its next poll, with no restart', async () => {
      const [one, two] = replicas;
      const store = new CatalogueStore(test.opened.db, fixedClock);
      const record = (await store.get('course:key-worker'))!;
      const draft = {
        kind: 'course' as const,
        record: { ...courseRecordOf(shipped.courses.find((c) => c.id === 'key-worker')!), title: 'Key working for families' },
      };
      expect((await store.saveDraft(draft, 'Erin [e1]', record.revision)).ok).to.equal(true);
      expect((await store.publish('course:key-worker', 'Evan [e2]', { secondPerson: true })).ok).to.equal(true);
      await one.refresh();
      expect(one.finder.index.course('key-worker')?.title).to.equal('Key working for families');
      expect(two.finder.index.course('key-worker')?.title, 'not before its poll').to.not.equal('Key working for families');
      await two.refresh();
      expect(two.finder.index.course('key-worker')?.title).to.equal('Key working for families');
      expect(two.finder.find('key working for families training', fixedClock())).to.include({ kind: 'found' });
    });

    it("a later start keeps editors' changes over the shipped YAML", async () => {
      const restarted = await replica();
      expect(restarted.finder.index.course('key-worker')?.title).to.equal('Key working for families');
    });
  }),
);
