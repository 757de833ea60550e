import crypto from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { Client } from 'pg';
import { Logger } from 'pino';
import { DatabaseSchema } from '../platform/store/schema';
import { ActivityFeed, FeedEvent, FeedListener, LocalListeners, parseFeedMessage } from './activityFeed';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;

/** The NOTIFY channel for one deployment: schemas sharing a server (tests, staging) do not hear each other. */
export function feedChannel(schema: string | undefined): string {
  return `staffbot_directline_${(schema ?? 'public').replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/** How the feed reaches PostgreSQL. */
export interface PostgresFeedOptions {
  url: string;
  schema?: string;
  /** The pool that publishes (any connection may NOTIFY). */
  db: Kysely<DatabaseSchema>;
  logger: Logger;
}

/**
 * Replicas tell each other about new activities with PostgreSQL's LISTEN/NOTIFY: one listening
 * connection per process, one channel per deployment, a small JSON hint per event. When the
 * listening connection drops it reconnects and asks every local stream to read again, since
 * notifications sent meanwhile are lost.
 */
export class PostgresActivityFeed implements ActivityFeed {
  private readonly replica = crypto.randomUUID();
  private readonly channel: string;
  private readonly listeners = new LocalListeners();
  private client?: Client;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly options: PostgresFeedOptions) {
    this.channel = feedChannel(options.schema);
  }

  /** Connects and starts listening before resolving, so no event after start-up is missed. */
  async start(): Promise<void> {
    if (this.closed || this.client) return;
    await this.connect();
  }

  async publish(event: Exclude<FeedEvent, { kind: 'resync' }>): Promise<void> {
    this.listeners.deliver(event);
    const payload = JSON.stringify({ r: this.replica, e: event });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // Only ephemeral activities (typing) carry content; one this large is not worth sending on.
      this.options.logger.debug({ conversationId: event.conversationId }, 'web chat event too large to notify other replicas');
      return;
    }
    await sql`select pg_notify(${this.channel}, ${payload})`.execute(this.options.db);
  }

  subscribe(conversationId: string, listener: FeedListener): () => void {
    return this.listeners.add(conversationId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      const parsed = parseFeedMessage(message.payload);
      if (parsed && parsed.r !== this.replica) this.listeners.deliver(parsed.e);
    });
    // A lost connection must not crash the process: reconnect, then have every stream catch up.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  private lost(client: Client, err?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.options.logger.warn({ err: err?.message }, 'web chat lost its PostgreSQL listening connection; reconnecting');
    client.end().catch(() => undefined);
    this.retry(250);
  }

  private retry(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.connect().then(
        () => this.listeners.resyncAll(),
        (err: unknown) => {
          this.options.logger.warn({ err: (err as Error).message, retryInMs: delayMs }, 'web chat could not listen on PostgreSQL yet');
          this.retry(Math.min(delayMs * 2, 5000));
        },
      );
    }, delayMs);
    this.retryTimer.unref();
  }
}
