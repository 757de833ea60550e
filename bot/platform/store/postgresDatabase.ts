import { Kysely, PostgresDialect, sql } from 'kysely';
import type * as Pg from 'pg';
import { Logger } from 'pino';
import { DatabaseSchema } from './schema';
import { StoreStartupError } from './storeStartupError';
import { joiningDialect } from './unitOfWork';

/** pg, loaded when PostgreSQL is first opened, so a SQLite deployment (and its restarted delivery worker) never pays for loading it. */
function pg(): typeof Pg {
  // A require, not an import, so the library loads only when PostgreSQL is used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pg') as typeof Pg;
}

export interface PostgresOptions {
  url: string;
  /** Schema to create and use instead of the server default (each test run gets its own). */
  schema?: string;
  /** How long to keep retrying an unreachable server at start-up. */
  connectTimeoutMs: number;
  logger: Logger;
  poolSize?: number;
}

/** The server part of a connection string, without the password, for messages and logs. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries to connect until the deadline, backing off between attempts; throws a clear error at the end. */
async function waitForServer(options: PostgresOptions): Promise<void> {
  const deadline = Date.now() + options.connectTimeoutMs;
  let delay = 250;
  let attempts = 0;
  for (;;) {
    attempts++;
    const client = new (pg().Client)({ connectionString: options.url, connectionTimeoutMillis: Math.min(5000, options.connectTimeoutMs) });
    try {
      await client.connect();
      if (options.schema) await client.query(`create schema if not exists ${quoteIdentifier(options.schema)}`);
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() + delay > deadline) {
        throw new StoreStartupError(
          `Could not reach PostgreSQL at ${describePostgresUrl(options.url)} after ${attempts} attempt(s) over ${Math.round(options.connectTimeoutMs / 1000)} s: ${(err as Error).message}`,
        );
      }
      options.logger.warn({ attempt: attempts, retryInMs: delay, err: (err as Error).message }, 'PostgreSQL not reachable yet; retrying');
      await wait(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}

/** Quotes a schema name for SQL; only plain identifiers are accepted. */
function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new StoreStartupError(`"${name}" is not a valid schema name`);
  return `"${name}"`;
}

/** Connects to PostgreSQL (waiting for it at start-up) and keeps a pool that survives lost connections. */
export async function openPostgres(options: PostgresOptions): Promise<Kysely<DatabaseSchema>> {
  await waitForServer(options);
  const pool = new (pg().Pool)({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (err) => options.logger.error({ err: err.message }, 'PostgreSQL connection lost'));
  const db = new Kysely<DatabaseSchema>({ dialect: joiningDialect(new PostgresDialect({ pool })) });
  await sql`select 1`.execute(db);
  return db;
}

/** Drops a schema and everything in it (tests clean up after themselves). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new (pg().Client)({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}
