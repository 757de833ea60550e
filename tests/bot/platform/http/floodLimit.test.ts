import { expect } from 'chai';
import { FloodLimit } from '../../../../bot/platform/http/floodLimit';

describe('FloodLimit', () => {
  it('accepts up to the limit in the window, then refuses with the seconds until a slot frees', () => {
    const limit = new FloodLimit(3, 10_000);
    expect([0, 1000, 2000].map((t) => limit.take(t).accepted)).to.deep.equal([true, true, true]);
    expect(limit.take(2500)).to.deep.equal({ accepted: false, retryAfterSeconds: 8 });
    expect(limit.take(9999)).to.deep.equal({ accepted: false, retryAfterSeconds: 1 });
    expect(limit.take(10_000).accepted, 'the first event has left the window').to.equal(true);
  });

  it('does not count refused events, so a client that waits as told gets through', () => {
    const limit = new FloodLimit(2, 10_000);
    limit.take(0);
    limit.take(0);
    for (let t = 0; t < 10_000; t += 500) expect(limit.take(t).accepted).to.equal(false);
    expect(limit.take(10_000).accepted).to.equal(true);
  });
});
