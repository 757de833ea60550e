import { expect } from 'chai';
import { migrationProvider } from '../../../bot/platform/store/migrations/migrationFolder';
import { openDatabase } from '../../../bot/platform/store/openDatabase';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { sendPersonal } from '../../helpers/teamsTraffic';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { silentLogger } from '../../helpers/testServices';
import { migrationFolders } from '../../../bot/app/migrationFolders';

forEachEngine((engine) => {
  describe(`two bot replicas on one database (${engine})`, () => {
    let test: TestDatabase;
    let a: RunningBot;
    let b: RunningBot;
    const connector = new FakeConnector();
    let serviceUrl: string;

    before(async () => {
      test = await openTestDatabase(engine);
      serviceUrl = await connector.start();
      a = await startBot(test.env);
      b = await startBot(test.env);
    });
    after(async () => {
      await a.stop();
      await b.stop();
      await connector.stop();
      await test.cleanup();
    });

    const send = (replica: RunningBot, activity: Record<string, unknown>) =>
      sendPersonal({ botUrl: replica.url, serviceUrl }, { id: '29:lb-user', aadObjectId: 'aad-lb' }, activity);

    it('carries one conversation across replicas behind a load balancer', async () => {
      await send(a, { text: 'my settings' });
      await send(b, { value: { verb: 'settings.about', sector: 'education', role: 'teaching-assistant' } });
      await send(a, { value: { verb: 'settings.preferences', topics: 'training' } });
      const last = JSON.stringify(connector.messages().pop());
      expect(last)
        .to.match(/Settings saved/)
        .and.match(/Teaching assistant/);
      expect(await b.services.store.profiles.get('29:lb-user')).to.include({ sector: 'education', role: 'teaching-assistant' });
    });

    it('migrates once when replicas start together', async () => {
      const both = await Promise.all(
        [0, 1].map(() =>
          openDatabase({
            dataDir: test.env.DATA_DIR ?? '',
            databaseUrl: test.env.DATABASE_URL || undefined,
            databaseSchema: test.env.DATABASE_SCHEMA || undefined,
            connectTimeoutMs: 5000,
            logger: silentLogger,
            migrations: migrationFolders,
          }),
        ),
      );
      for (const opened of both) await opened.db.destroy();
      const rows = (await test.opened.db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute()) as { name: string }[];
      const expected = Object.keys(await migrationProvider(test.opened.engine, migrationFolders).getMigrations());
      expect(rows.map((r) => r.name).sort()).to.deep.equal(expected.sort());
    });
  });
});
