import { expect } from 'chai';
import { SignInAttempts } from '../../../bot/dashboard/signInAttempts';

describe('SignInAttempts', () => {
  it('limits each address on its own, in a sliding window', () => {
    const attempts = new SignInAttempts(2, 60_000);
    expect(attempts.take('a', 0).accepted).to.equal(true);
    expect(attempts.take('a', 1000).accepted).to.equal(true);
    expect(attempts.take('a', 2000)).to.deep.equal({ accepted: false, retryAfterSeconds: 58 });
    expect(attempts.take('b', 2000).accepted).to.equal(true);
    expect(attempts.take('a', 60_001).accepted).to.equal(true);
  });

  it('stays bounded however many addresses try', () => {
    const attempts = new SignInAttempts(1, 60_000, 100);
    for (let i = 0; i < 1000; i++) attempts.take(`10.0.${i >> 8}.${i & 255}`, i);
    expect((attempts as unknown as { byAddress: Map<string, number[]> }).byAddress.size).to.be.at.most(100);
  });
});
