import { expect } from 'chai';
import { Kysely } from 'kysely';
import { combinedMigrations, MigrationFolder, migrationProvider } from '../../../../../bot/platform/store/migrations/migrationFolder';

const noChange = () => ({ up: async (_db: Kysely<any>) => undefined });
const folder = (name: string, ...migrations: string[]): MigrationFolder => ({
  folder: `/app/bot/features/${name}/migrations`,
  migrations: Object.fromEntries(migrations.map((m) => [m, noChange])),
});

describe('migration folders combined', () => {
  it('orders every folder\u2019s migrations by name, whatever order the folders are listed in', () => {
    const names = Object.keys(combinedMigrations([folder('b', '003_b', '001_b'), folder('a', '002_a', '004_a')], 'sqlite'));
    expect(names).to.deep.equal(['001_b', '002_a', '003_b', '004_a']);
  });

  it('refuses a number two folders both use, naming both migrations and their folders', () => {
    const folders = [folder('briefings', '017_briefing_labels'), folder('surveys', '017_survey_labels')];
    expect(() => combinedMigrations(folders, 'sqlite')).to.throw(
      /Migration number 017 is used twice: 017_briefing_labels \(.*briefings\/migrations\) and 017_survey_labels \(.*surveys\/migrations\)/,
    );
  });

  it('refuses a number used twice in one folder, and a name without a three-digit number', () => {
    expect(() => combinedMigrations([folder('a', '005_one', '005_two')], 'sqlite')).to.throw(/Migration number 005 is used twice/);
    expect(() => combinedMigrations([folder('a', '17_short')], 'sqlite')).to.throw(/"17_short" .* must be named like 017_what_it_does/);
  });

  it('stops start-up with the clash rather than running either migration', async () => {
    const provider = migrationProvider('sqlite', [folder('a', '017_a'), folder('b', '017_b')]);
    const refused = await provider.getMigrations().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refused?.message).to.match(/Migration number 017 is used twice/);
  });
});
