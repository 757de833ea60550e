import { expect } from 'chai';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, Migration, MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import { migrationFolders } from '../../../bot/app/migrationFolders';
import { briefings } from '../../../bot/features/briefings/migrations/003_briefings';
import { catalogue } from '../../../bot/features/catalogue/migrations/013_catalogue';
import { content } from '../../../bot/features/content/migrations/011_content';
import { directory } from '../../../bot/features/directory/migrations/012_directory';
import { installRetries } from '../../../bot/features/directory/migrations/015_install_retries';
import { surveys } from '../../../bot/features/surveys/migrations/004_surveys';
import { pulseAnonymity } from '../../../bot/features/surveys/migrations/007_pulse_anonymity';
import { training } from '../../../bot/features/training/migrations/005_training';
import { platformMigrations } from '../../../bot/platform/store/migrations';
import { initial } from '../../../bot/platform/store/migrations/001_initial';
import { delivery } from '../../../bot/platform/store/migrations/002_delivery';
import { answerCounts } from '../../../bot/platform/store/migrations/006_answer_counts';
import { hardening } from '../../../bot/platform/store/migrations/008_hardening';
import { rosters } from '../../../bot/platform/store/migrations/010_rosters';
import { groupNames } from '../../../bot/platform/store/migrations/014_group_names';
import { fanoutDueIndex } from '../../../bot/platform/store/migrations/016_fanout';
import { Engine } from '../../../bot/platform/store/migrations/columns';
import { combinedMigrations, MigrationFolder } from '../../../bot/platform/store/migrations/migrationFolder';
import { migrate, OpenDatabase } from '../../../bot/platform/store/openDatabase';
import { dropPostgresSchema, openPostgres } from '../../../bot/platform/store/postgresDatabase';
import { webChat } from '../../../bot/webchat/migrations/009_webchat';
import { forEachEngine, postgresAvailability } from '../../helpers/testDatabase';
import { misfiledMigrations } from '../../helpers/migrationPlacement';
import { silentLogger } from '../../helpers/testServices';

/** The provider as it stood when every migration lived in bot/platform/store/migrations (its index.ts before the split). */
function previousProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': { up: initial(engine) },
    '002_delivery': { up: delivery(engine) },
    '003_briefings': { up: briefings(engine) },
    '004_surveys': { up: surveys(engine) },
    '005_training': { up: training(engine) },
    '006_answer_counts': { up: answerCounts },
    '007_pulse_anonymity': { up: pulseAnonymity(engine) },
    '008_hardening': { up: hardening },
    '009_webchat': { up: webChat },
    '010_rosters': { up: rosters },
    '011_content': { up: content },
    '012_directory': { up: directory },
    '013_catalogue': { up: catalogue },
    '014_group_names': { up: groupNames },
    '015_install_retries': { up: installRetries },
    '016_fanout': { up: fanoutDueIndex },
  };
  return { getMigrations: async () => migrations };
}

/** An empty database of the engine, not yet migrated, and how to throw it away. */
async function emptyDatabase(engine: Engine): Promise<{ opened: OpenDatabase; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    return { opened: { db, engine, location: ':memory:' }, cleanup: () => db.destroy() };
  }
  const url = postgresAvailability().url!;
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ url, schema, connectTimeoutMs: 10000, logger: silentLogger });
  return {
    opened: { db, engine, location: url, schema },
    async cleanup() {
      await db.destroy();
      await dropPostgresSchema(url, schema);
    },
  };
}

describe('migration folders', () => {
  it('run the same migrations, by the same names and in the same order, as before they were split by capability', () => {
    // Migrations added after the split (017 on) follow the ones that existed then.
    expect(Object.keys(combinedMigrations(migrationFolders, 'sqlite')).slice(0, 16)).to.deep.equal([
      '001_initial',
      '002_delivery',
      '003_briefings',
      '004_surveys',
      '005_training',
      '006_answer_counts',
      '007_pulse_anonymity',
      '008_hardening',
      '009_webchat',
      '010_rosters',
      '011_content',
      '012_directory',
      '013_catalogue',
      '014_group_names',
      '015_install_retries',
      '016_fanout',
    ]);
  });

  it('keep each migration in the folder of the capability whose tables it changes', async () => {
    expect(await misfiledMigrations(migrationFolders, platformMigrations)).to.deep.equal([]);
  });

  it('name a directory migration filed under briefings, and a briefings-only migration left in the platform folder', async () => {
    const briefingsFolder = migrationFolders.find((f) => '003_briefings' in f.migrations)!;
    const directoryFolder = migrationFolders.find((f) => '015_install_retries' in f.migrations)!;
    const { '015_install_retries': moved, ...directoryRest } = directoryFolder.migrations;
    const { '003_briefings': lifted, ...briefingsRest } = briefingsFolder.migrations;
    const misfiled: MigrationFolder[] = migrationFolders.map((f) =>
      f === briefingsFolder
        ? { ...f, migrations: { ...briefingsRest, '015_install_retries': moved } }
        : f === directoryFolder
          ? { ...f, migrations: directoryRest }
          : f === platformMigrations
            ? { ...f, migrations: { ...f.migrations, '003_briefings': lifted } }
            : f,
    );
    const platform = misfiled.find((f) => f.folder === platformMigrations.folder)!;
    const problems = await misfiledMigrations(misfiled, platform);
    expect(problems).to.have.length(3);
    expect(problems[0]).to.match(/^003_briefings .* only changes tables of .*briefings/);
    expect(problems[1]).to.match(/^015_install_retries .*changes tables another folder created: app_installs/);
    expect(problems[2]).to.match(/^015_install_retries .*changes no table its capability's code uses: app_installs/);
  });

  forEachEngine((engine) => {
    it(`leave only the migrations added since to run on a database migrated before the split (${engine})`, async () => {
      const { opened, cleanup } = await emptyDatabase(engine);
      try {
        const before = new Migrator({ db: opened.db, provider: previousProvider(engine), ...(opened.schema ? { migrationTableSchema: opened.schema } : {}) });
        const { error, results } = await before.migrateToLatest();
        if (error) throw error;
        expect(results).to.have.length(16);
        const since = Object.keys(combinedMigrations(migrationFolders, engine)).slice(16);
        expect(await migrate(opened, migrationFolders)).to.deep.equal(since);
      } finally {
        await cleanup();
      }
    });
  });
});
