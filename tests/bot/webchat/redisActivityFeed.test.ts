import crypto from 'node:crypto';
import { expect } from 'chai';
import Redis from 'ioredis';
import { FeedEvent } from '../../../bot/webchat/activityFeed';
import { RedisActivityFeed } from '../../../bot/webchat/redisActivityFeed';
import { redisKeyPrefix } from '../../../bot/webchat/redisDirectLineStore';
import { withRedis } from '../../helpers/testRedis';
import { silentLogger } from '../../helpers/testServices';

async function waitFor<T>(events: T[], count: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (events.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${events.length} of ${count} events arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

withRedis('RedisActivityFeed (pub/sub between replicas)', (url) => {
  describe('RedisActivityFeed (pub/sub between replicas)', () => {
    const prefix = redisKeyPrefix(`t${crypto.randomBytes(6).toString('hex')}`);
    let redisA: Redis;
    let redisB: Redis;
    let a: RedisActivityFeed;
    let b: RedisActivityFeed;

    /** How many connections the feeds' subscribers hold open on the server. */
    const subscriberConnections = async () =>
      String(await redisA.client('LIST'))
        .split('\n')
        .filter((line) => line.includes(`name=${prefix}feed`)).length;

    before(async () => {
      redisA = new Redis(url);
      redisB = new Redis(url);
      a = new RedisActivityFeed(redisA, prefix, silentLogger);
      b = new RedisActivityFeed(redisB, prefix, silentLogger);
    });

    it('opens its subscriber connection in start(), not when built', async () => {
      expect(await subscriberConnections()).to.equal(0);
      await a.start();
      await b.start();
      expect(await subscriberConnections()).to.equal(2);
    });
    after(async () => {
      await a.close();
      await b.close();
      await redisA.quit();
      await redisB.quit();
    });

    it('asks a new listener to read once its subscription is live, so nothing published meanwhile is missed', async () => {
      const heard: FeedEvent[] = [];
      const stop = b.subscribe('conv-1', (e) => heard.push(e));
      await waitFor(heard, 1);
      expect(heard[0]).to.deep.equal({ kind: 'resync', conversationId: 'conv-1' });
      stop();
    });

    it("delivers a replica's events to its own listeners at once and to the other replica's once", async () => {
      const onA: FeedEvent[] = [];
      const onB: FeedEvent[] = [];
      const stopA = a.subscribe('conv-2', (e) => onA.push(e));
      const stopB = b.subscribe('conv-2', (e) => onB.push(e));
      await waitFor(onB, 1);
      await waitFor(onA, 1);
      const other: FeedEvent[] = [];
      const stopOther = b.subscribe('conv-3', (e) => other.push(e));
      await a.publish({ kind: 'stored', conversationId: 'conv-2', watermark: 5 });
      await waitFor(onB, 2);
      await new Promise((r) => setTimeout(r, 100));
      expect(onA.slice(1)).to.deep.equal([{ kind: 'stored', conversationId: 'conv-2', watermark: 5 }]);
      expect(onB.slice(1)).to.deep.equal([{ kind: 'stored', conversationId: 'conv-2', watermark: 5 }]);
      expect(
        other.filter((e) => e.kind !== 'resync'),
        'another conversation hears nothing',
      ).to.deep.equal([]);
      stopA();
      stopB();
      stopOther();
    });

    it('asks every stream to read again after its subscriber connection comes back', async () => {
      const heard: FeedEvent[] = [];
      const stop = b.subscribe('conv-4', (e) => heard.push(e));
      await waitFor(heard, 1);
      const subscriber = (b as unknown as { subscriber: Redis }).subscriber;
      const clients = (await redisA.client('LIST')) as string;
      const name = `${subscriber.options.host}:${(subscriber as unknown as { stream: { localPort: number } }).stream.localPort}`;
      const line = clients.split('\n').find((l) => l.includes(`addr=127.0.0.1:${name.split(':').pop()}`));
      expect(line, 'found the subscriber connection').to.be.a('string');
      await redisA.client('KILL', 'ID', /id=(\d+)/.exec(line!)![1]);
      await waitFor(heard, 2);
      expect(heard[1]).to.deep.equal({ kind: 'resync', conversationId: 'conv-4' });
      await a.publish({ kind: 'stored', conversationId: 'conv-4', watermark: 2 });
      await waitFor(heard, 3);
      expect(heard[2]).to.deep.equal({ kind: 'stored', conversationId: 'conv-4', watermark: 2 });
      stop();
    });
  });
});
