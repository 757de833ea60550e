import path from 'node:path';
import { Migration, MigrationProvider } from 'kysely';
import { Engine } from './columns';

/** One folder's migrations, each named `NNN_what_it_does` and built for the engine in use. */
export interface MigrationFolder {
  /** Where the files live, so an error can say which folder to fix. */
  folder: string;
  migrations: Record<string, (engine: Engine) => Migration>;
}

const where = (folder: MigrationFolder) => path.relative(process.cwd(), folder.folder) || folder.folder;

/**
 * Refuses names that would run out of order or clash: Kysely orders migrations by name alone, so two
 * folders using one number would run in an order nobody chose, and a database would hold both.
 */
function checkNames(named: readonly { name: string; folder: MigrationFolder }[]): void {
  const byNumber = new Map<string, { name: string; folder: MigrationFolder }>();
  for (const migration of named) {
    const number = /^(\d{3})_[a-z0-9_]+$/.exec(migration.name)?.[1];
    if (!number) throw new Error(`Migration "${migration.name}" in ${where(migration.folder)} must be named like 017_what_it_does`);
    const earlier = byNumber.get(number);
    if (earlier)
      throw new Error(
        `Migration number ${number} is used twice: ${earlier.name} (${where(earlier.folder)}) and ${migration.name} (${where(migration.folder)}); ` +
          'give the newer one the next free number',
      );
    byNumber.set(number, migration);
  }
}

/** Every folder's migrations in one list, ordered by name as Kysely runs them. */
export function combinedMigrations(folders: readonly MigrationFolder[], engine: Engine): Record<string, Migration> {
  const named = folders.flatMap((folder) => Object.entries(folder.migrations).map(([name, build]) => ({ name, build, folder })));
  checkNames(named);
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.fromEntries(named.map(({ name, build }) => [name, build(engine)]));
}

/**
 * Every schema version of every registered folder. Kysely runs the pending ones at start-up in a
 * transaction, and on PostgreSQL under an advisory lock, so replicas starting together migrate once.
 */
export function migrationProvider(engine: Engine, folders: readonly MigrationFolder[]): MigrationProvider {
  return { getMigrations: async () => combinedMigrations(folders, engine) };
}
