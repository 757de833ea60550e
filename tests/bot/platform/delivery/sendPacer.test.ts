import { expect } from 'chai';
import Redis from 'ioredis';
import { HEADROOM, SendPacer } from '../../../../bot/platform/delivery/sendPacer';
import { DatabaseSlotReserver, RedisSlotReserver, SlotReserver } from '../../../../bot/platform/delivery/slotReserver';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

/** A clock that jumps forward when something sleeps, so pacing tests run at once. */
function jumpingClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

/** Runs `sends` sends through pacers (replicas) sharing one reserver and returns when each went. */
async function paced(reserver: SlotReserver, pacers: number, sends: number, rate: number): Promise<number[]> {
  const clock = jumpingClock();
  const list = Array.from(
    { length: pacers },
    () => new SendPacer(reserver, { ratePerSecond: rate, conversationRatePerSecond: 1000 }, clock.now, () => 1, clock.sleep),
  );
  const times: number[] = [];
  for (let i = 0; i < sends; i++) {
    await list[i % pacers].waitTurn('tenant', `conversation-${i}`);
    times.push(clock.now());
  }
  return times;
}

/** The most sends in any one-second window. */
const busiestSecond = (times: number[]) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));

const checkReserver = (make: () => SlotReserver) => {
  it('keeps two replicas together under the shared limit', async () => {
    const times = await paced(make(), 2, 300, 100);
    expect(busiestSecond(times)).to.be.at.most(100);
    expect(busiestSecond(times)).to.be.at.least(Math.floor(100 * HEADROOM) - 2);
  });
};

forEachEngine((engine) => {
  describe(`send pacing over the database (${engine})`, () => {
    let test: TestDatabase;
    beforeEach(async () => (test = await openTestDatabase(engine)));
    afterEach(() => test.cleanup());
    checkReserver(() => new DatabaseSlotReserver(test.opened.db));
  });
});

describe('send pacing over Redis', () => {
  let redis: Redis | undefined;
  before(function () {
    if (!process.env.REDIS_URL) {
      if (process.env.CI === 'true') throw new Error('CI=true but REDIS_URL is not set');
      console.log('      skipped: REDIS_URL is not set');
      this.skip();
    }
    redis = new Redis(process.env.REDIS_URL!);
  });
  after(async () => {
    await redis?.quit();
  });
  checkReserver(() => new RedisSlotReserver(redis!, `staffbot:test:${Date.now()}:`));
});

describe('per-conversation pacing', () => {
  it('spaces messages to one conversation at its own limit and honours holds', async () => {
    const clock = jumpingClock(0);
    const reserver: SlotReserver = { reserve: async () => 0 };
    const pacer = new SendPacer(reserver, { ratePerSecond: 1000, conversationRatePerSecond: 7 }, clock.now, () => 1, clock.sleep);
    const sentAt: number[] = [];
    for (let i = 0; i < 3; i++) {
      await pacer.waitTurn('t', 'one');
      sentAt.push(clock.now());
    }
    pacer.holdConversation('two', 5000);
    await pacer.waitTurn('t', 'two');
    sentAt.push(clock.now());
    const gap = 1000 / (7 * HEADROOM);
    expect(sentAt[1] - sentAt[0]).to.be.closeTo(gap, 1.5);
    expect(sentAt[2] - sentAt[1]).to.be.closeTo(gap, 1.5);
    expect(sentAt[3]).to.be.at.least(5000);
  });
});

/** A clock whose sleepers wake in time order when the test moves it on, so concurrent sends keep their real order. */
function virtualClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    /** Wakes sleepers one by one in time order until none is left. */
    async run(): Promise<void> {
      for (await settle(); sleepers.length; await settle()) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift()!;
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}

describe('a held conversation', () => {
  it('waits alone: sends to other conversations go on at the global rate meanwhile', async () => {
    const clock = virtualClock();
    const reserver: SlotReserver = { reserve: async () => 0 };
    const pacer = new SendPacer(reserver, { ratePerSecond: 100, conversationRatePerSecond: 7 }, clock.now, () => 1, clock.sleep);
    // Teams answered 429 with Retry-After: 1 for one conversation; its retry and nine other sends come together.
    pacer.holdConversation('held', 1000);
    const sentAt = new Map<string, number>();
    const sends = ['held', ...Array.from({ length: 9 }, (_, i) => `other-${i}`)].map((c) => pacer.waitTurn('t', c).then(() => sentAt.set(c, clock.now())));
    await clock.run();
    await Promise.all(sends);
    expect(sentAt.get('held')).to.be.at.least(1000);
    const others = [...sentAt].filter(([c]) => c !== 'held').map(([, at]) => at);
    expect(Math.max(...others)).to.be.below(150);
  });
});
