import { Kysely, sql } from 'kysely';
import { DatabaseSchema } from './schema';

/** How long the health check waits for the database before calling it unhealthy. */
const HEALTH_TIMEOUT_MS = 2000;

/**
 * Reads through the tables every turn needs (state, conversation references, profiles), so a lost
 * connection, a locked file or a damaged page shows in /healthz rather than only in failed turns.
 * Throws with the cause when the database cannot answer in time.
 */
export async function checkDatabase(db: Kysely<DatabaseSchema>, timeoutMs = HEALTH_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      sql`select (select count(*) from bot_state) + (select count(*) from conversation_refs) + (select count(*) from profiles) as n`.execute(db),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
