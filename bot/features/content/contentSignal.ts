import crypto from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { DatabaseSchema } from '../../platform/store/schema';

/** How long a lost listening connection waits before connecting again (the poll covers the gap). */
const RECONNECT_MS = 5000;

/**
 * The PostgreSQL channel publishes are announced on: one per schema, so deployments (and tests)
 * sharing a server never wake each other. Channel names are identifiers, so it is a short hash.
 */
export function contentChannel(schema: string | undefined): string {
  return `staffbot_content_${crypto
    .createHash('sha256')
    .update(schema ?? '')
    .digest('hex')
    .slice(0, 16)}`;
}

/** What a publish changed: the knowledge entries or the training catalogue (each replica reloads only that). */
export type PublishedContent = 'knowledge' | 'catalogue';

/** Tells every replica's listener that content was published (sent when the caller's transaction, if any, commits). */
export async function announceContent(db: Kysely<DatabaseSchema>, channel: string, what: PublishedContent = 'knowledge'): Promise<void> {
  await sql`select pg_notify(${channel}, ${what})`.execute(db);
}

/**
 * Listens on the content channel with a connection of its own (LISTEN needs one that stays open)
 * and calls `onChange` for every announcement, so a publish on one replica is picked up by the
 * others at once rather than at their next poll. A lost connection is logged and reopened; the
 * poll keeps replicas in step meanwhile.
 */
export class ContentListener {
  private client?: Client;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: { url: string; channel: string; onChange: (what: PublishedContent) => void; logger: Logger }) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.options.url });
    client.on('notification', (message) => this.options.onChange(message.payload === 'catalogue' ? 'catalogue' : 'knowledge'));
    client.on('error', (err) => {
      this.options.logger.warn({ err: err.message }, 'content change listener lost its PostgreSQL connection; polling until it is back');
      this.retry(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
      this.client = client;
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'content change listener could not connect; polling until it can');
      this.retry(client);
    }
  }

  private retry(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = undefined;
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, RECONNECT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
