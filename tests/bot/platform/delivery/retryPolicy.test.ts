import { expect } from 'chai';
import { AdaptiveRate } from '../../../../bot/platform/delivery/adaptiveRate';
import { retryAfterMs } from '../../../../bot/platform/delivery/connectorSender';
import { backoffMs, judgeFailure } from '../../../../bot/platform/delivery/retryPolicy';

const settings = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30000 };
const half = () => 0.5;
const refused = (status: number, retryAfter?: number) => ({ ok: false as const, status, error: `HTTP ${status}`, retryAfterMs: retryAfter });

describe('judgeFailure', () => {
  it('waits for Retry-After on 429', () => expect(judgeFailure(refused(429, 7000), 1, settings, half)).to.include({ action: 'throttled', delayMs: 7000 }));
  it('backs off on 429 without Retry-After', () => expect(judgeFailure(refused(429), 2, settings, half)).to.include({ action: 'throttled', delayMs: 2000 }));
  for (const status of [0, 412, 500, 502, 503, 504]) {
    it(`retries ${status} with backoff, then gives up`, () => {
      expect(judgeFailure(refused(status), 1, settings, half)).to.include({ action: 'retry' });
      expect(judgeFailure(refused(status), 4, settings, half)).to.include({ action: 'fail' });
    });
  }
  for (const status of [403, 404])
    it(`marks ${status} unreachable`, () => expect(judgeFailure(refused(status), 1, settings, half).action).to.equal('unreachable'));
  it('fails at once on other client errors', () => expect(judgeFailure(refused(400), 1, settings, half).action).to.equal('fail'));
});

describe('backoffMs', () => {
  it('grows exponentially with full jitter, capped', () => {
    expect(backoffMs(0, settings, () => 1)).to.equal(1000);
    expect(backoffMs(3, settings, () => 1)).to.equal(8000);
    expect(backoffMs(10, settings, () => 1)).to.equal(30000);
    expect(backoffMs(3, settings, () => 0)).to.equal(0);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2', 0)).to.equal(2000);
    expect(retryAfterMs(new Date(10000).toUTCString(), 4000)).to.equal(6000);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
    expect(retryAfterMs('soon', 0)).to.equal(undefined);
  });
});

describe('AdaptiveRate', () => {
  it('ignores scattered 429s', () => {
    const rate = new AdaptiveRate(200);
    for (let i = 0; i < 1000; i++) rate.record(i % 100 === 0);
    expect(rate.share).to.equal(1);
  });

  it('backs off when 429s come in bursts, then recovers', () => {
    const rate = new AdaptiveRate(200);
    for (let i = 0; i < 200; i++) rate.record(i % 5 === 0);
    expect(rate.share).to.be.lessThan(1);
    const low = rate.share;
    for (let i = 0; i < 4000; i++) rate.record(false);
    expect(rate.share).to.be.greaterThan(low);
    expect(rate.share).to.equal(1);
  });
});
