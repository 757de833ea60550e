import { expect } from 'chai';
import { AdaptiveRate } from '../../../../bot/platform/delivery/adaptiveRate';

const feed = (rate: AdaptiveRate, throttled: boolean, times: number) => {
  for (let i = 0; i < times; i++) rate.record(throttled);
};

describe('AdaptiveRate', () => {
  it('leaves the rate alone for scattered 429s (1 in 100)', () => {
    const rate = new AdaptiveRate();
    for (let i = 0; i < 5000; i++) rate.record(i % 100 === 0);
    expect(rate.share).to.equal(1);
  });

  it('cuts the rate a little for a burst of 429s and is back at full rate soon after it ends', () => {
    const rate = new AdaptiveRate();
    feed(rate, false, 150);
    feed(rate, true, 10);
    expect(rate.share).to.be.closeTo(0.85, 1e-9);
    feed(rate, false, 150);
    expect(rate.share).to.equal(1);
  });

  it('keeps coming down while the limit is really being hit, but never below the floor', () => {
    const rate = new AdaptiveRate();
    // One request in five refused, for a long time: another app is using the shared limit.
    for (let i = 0; i < 20000; i++) rate.record(i % 5 === 0);
    expect(rate.share).to.equal(0.25);
  });

  it('creeps back up through scattered 429s (1 in 50) within a few hundred requests', () => {
    const rate = new AdaptiveRate();
    feed(rate, false, 100);
    feed(rate, true, 10);
    expect(rate.share).to.be.below(1);
    for (let i = 0; i < 8; i++) {
      feed(rate, false, 49);
      rate.record(true);
    }
    expect(rate.share).to.equal(1);
  });

  it('stays down while 429s keep coming above the burst share', () => {
    const rate = new AdaptiveRate();
    feed(rate, false, 100);
    feed(rate, true, 10);
    const cut = rate.share;
    // One in twelve refused, over the burst share: the rate may come down further, never back up.
    for (let i = 0; i < 1200; i++) rate.record(i % 12 === 0);
    expect(rate.share).to.be.at.most(cut);
  });
});
