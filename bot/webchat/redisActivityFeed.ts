import crypto from 'node:crypto';
import type Redis from 'ioredis';
import { Logger } from 'pino';
import { ActivityFeed, FeedEvent, FeedListener, LocalListeners, parseFeedMessage } from './activityFeed';

/**
 * Replicas tell each other about new activities with Redis pub/sub: a channel per conversation,
 * subscribed only while a stream here follows it. After subscribing, and after the subscriber
 * connection comes back, local streams read again, since anything published meanwhile is lost.
 */
export class RedisActivityFeed implements ActivityFeed {
  private readonly replica = crypto.randomUUID();
  private readonly listeners: LocalListeners;
  private readonly subscriber: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    // Built unconnected: start() opens the subscriber, so building the services opens no connection.
    this.subscriber = redis.duplicate({ lazyConnect: true, connectionName: `${prefix}feed` });
    this.listeners = new LocalListeners(
      (conversationId) => this.follow(conversationId),
      (conversationId) => {
        this.subscriber.unsubscribe(this.channel(conversationId)).catch((err: unknown) => this.logger.debug({ err }, 'web chat unsubscribe failed'));
      },
    );
    this.subscriber.on('message', (channel: string, text: string) => {
      const message = parseFeedMessage(text);
      if (message && message.r !== this.replica && channel === this.channel(message.e.conversationId)) this.listeners.deliver(message.e);
    });
    let connectedBefore = false;
    this.subscriber.on('ready', () => {
      // ioredis subscribes again by itself after a reconnect; what was published while it was away is read from the store.
      if (connectedBefore) this.listeners.resyncAll();
      connectedBefore = true;
    });
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'web chat Redis subscriber error'));
  }

  async publish(event: Exclude<FeedEvent, { kind: 'resync' }>): Promise<void> {
    this.listeners.deliver(event);
    await this.redis.publish(this.channel(event.conversationId), JSON.stringify({ r: this.replica, e: event }));
  }

  subscribe(conversationId: string, listener: FeedListener): () => void {
    return this.listeners.add(conversationId, listener);
  }

  /** Opens the subscriber connection; it then subscribes per conversation as streams follow them. */
  async start(): Promise<void> {
    if (this.subscriber.status === 'wait') await this.subscriber.connect();
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => undefined);
  }

  private follow(conversationId: string): void {
    this.subscriber.subscribe(this.channel(conversationId)).then(
      () => {
        if (this.listeners.has(conversationId)) this.listeners.deliver({ kind: 'resync', conversationId });
      },
      (err: unknown) => this.logger.warn({ err }, 'web chat could not subscribe to a conversation'),
    );
  }

  private channel(conversationId: string): string {
    return `${this.prefix}f:{${conversationId}}`;
  }
}
