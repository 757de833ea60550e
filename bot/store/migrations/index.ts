import { Migration, MigrationProvider } from 'kysely';
import { Engine } from './columns';
import { initial } from './001_initial';

/**
 * Every schema version in order. Kysely runs the pending ones at start-up in a transaction, and
 * on PostgreSQL under an advisory lock, so replicas starting together migrate once.
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': { up: initial(engine) },
  };
  return { getMigrations: async () => migrations };
}
