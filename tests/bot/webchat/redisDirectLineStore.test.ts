import crypto from 'node:crypto';
import Redis from 'ioredis';
import { RedisDirectLineStore, redisKeyPrefix } from '../../../bot/webchat/redisDirectLineStore';
import { withRedis } from '../../helpers/testRedis';
import { directLineStoreContract } from './directLineStoreContract';

withRedis('DirectLineStore contract (redis)', (url) => {
  directLineStoreContract('redis', async (clock, limits) => {
    const redis = new Redis(url);
    // A namespace per test keeps one test's keys and windows from another's.
    const prefix = redisKeyPrefix(`t${crypto.randomBytes(6).toString('hex')}`);
    return {
      store: new RedisDirectLineStore(redis, clock.now, prefix, limits),
      async close() {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      },
    };
  });
});
