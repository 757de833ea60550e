import { Kysely, Migrator } from 'kysely';
import { Logger } from 'pino';
import { Engine } from './migrations/columns';
import { MigrationFolder, migrationProvider } from './migrations/migrationFolder';
import { describePostgresUrl, openPostgres } from './postgresDatabase';
import { DatabaseSchema } from './schema';
import { openSqlite } from './sqliteDatabase';
import { StoreStartupError } from './storeStartupError';

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  connectTimeoutMs: number;
  logger: Logger;
  /** Every folder of migrations, from the app's one registry (bot/app/migrationFolders.ts). */
  migrations: readonly MigrationFolder[];
}

/** An open, migrated database and what it is, for logs and health checks. */
export interface OpenDatabase {
  db: Kysely<DatabaseSchema>;
  engine: Engine;
  /** The file or server, without credentials. */
  location: string;
  /** The PostgreSQL schema in use, when one was configured. */
  schema?: string;
}

/** Opens SQLite (default) or PostgreSQL (DATABASE_URL) and brings the schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const opened: OpenDatabase = options.databaseUrl
    ? {
        db: await openPostgres({
          url: options.databaseUrl,
          schema: options.databaseSchema,
          connectTimeoutMs: options.connectTimeoutMs,
          logger: options.logger,
        }),
        engine: 'postgres',
        location: describePostgresUrl(options.databaseUrl),
        schema: options.databaseSchema,
      }
    : (() => {
        const { db, file } = openSqlite(options.dataDir);
        return { db, engine: 'sqlite' as const, location: file };
      })();
  await migrate(opened, options.migrations);
  return opened;
}

/** Runs pending migrations; a failure stops start-up with the migration's name and cause. */
export async function migrate(opened: OpenDatabase, migrations: readonly MigrationFolder[]): Promise<string[]> {
  // Naming the schema keeps Kysely from mistaking another schema's migration table for ours.
  const migrator = new Migrator({
    db: opened.db,
    provider: migrationProvider(opened.engine, migrations),
    ...(opened.schema ? { migrationTableSchema: opened.schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  for (let attempt = 1; error && attempt <= 3 && droppedElsewhere(error, opened.schema); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    await opened.db.destroy();
    const cause = error instanceof Error ? error.message : String(error);
    throw new StoreStartupError(`Migrating the database at ${opened.location} failed${failed ? ` in ${failed.migrationName}` : ''}: ${cause}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * True when migrating failed only because another schema's table vanished while Kysely read the
 * catalogue of every schema (another process dropping its own schema), which is worth one more try.
 */
export function droppedElsewhere(error: unknown, schema: string | undefined): boolean {
  const match = /relation "([^".]+)\.[^"]+" does not exist/.exec(error instanceof Error ? error.message : String(error));
  return match !== null && match[1] !== schema;
}
