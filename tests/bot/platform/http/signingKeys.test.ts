import { expect } from 'chai';
import { ResilientSigningKeys } from '../../../../bot/platform/http/signingKeys';
import { FakeBotFrameworkIdentity } from '../../../helpers/fakeBotFrameworkIdentity';
import { silentLogger } from '../../../helpers/testServices';

describe('ResilientSigningKeys', () => {
  const identity = new FakeBotFrameworkIdentity();
  let metadataUrl: string;
  before(async () => {
    metadataUrl = await identity.start();
  });
  after(() => identity.stop());
  afterEach(() => (identity.down = false));

  it('serves the keys it holds when a refresh fails after they went stale (the SDK throws here)', async () => {
    let now = 1_000_000;
    const keys = new ResilientSigningKeys({ metadataUrl, logger: silentLogger, refreshMs: 60_000, retryMs: 10_000, nowMs: () => now });
    const first = await keys.getKey(identity.kid);
    expect(first?.key).to.match(/BEGIN PUBLIC KEY/);
    expect(first?.endorsements).to.include('msteams');
    identity.down = true;
    now += 120_000;
    expect((await keys.getKey(identity.kid))?.key).to.equal(first?.key);
  });

  it('fetches at most once per retry period for unknown key ids, so forged tokens cannot hammer the endpoint', async () => {
    let now = 5_000_000;
    const keys = new ResilientSigningKeys({ metadataUrl, logger: silentLogger, retryMs: 10_000, nowMs: () => now });
    await keys.getKey(identity.kid);
    const fetched = identity.keyFetches;
    for (let i = 0; i < 20; i += 1) expect(await keys.getKey(`made-up-${i}`)).to.equal(null);
    expect(identity.keyFetches).to.equal(fetched);
    now += 10_000;
    await keys.getKey('made-up-again');
    expect(identity.keyFetches).to.equal(fetched + 1);
  });

  it('returns null, never throws, when the keys were never reachable', async () => {
    const keys = new ResilientSigningKeys({ metadataUrl: 'http://127.0.0.1:9/none', logger: silentLogger });
    expect(await keys.getKey('any')).to.equal(null);
  });
});
