import { Migration, MigrationProvider } from 'kysely';
import { Engine } from './columns';

/** One folder's migrations, each named `NNN_what_it_does` and built for the engine in use. */
export interface MigrationFolder {
  /** Where the files live, so an error can say which folder to fix. */
  folder: string;
  migrations: Record<string, (engine: Engine) => Migration>;
}

/** Every folder's migrations in one list, ordered by name as Kysely runs them. */
export function combinedMigrations(folders: readonly MigrationFolder[], engine: Engine): Record<string, Migration> {
  const named = folders.flatMap(({ migrations }) => Object.entries(migrations).map(([name, build]) => ({ name, build })));
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
