import { expect } from 'chai';
import { bearerToken, DirectLineTokens } from '../../../bot/webchat/directLineTokens';
import { FIXED_NOW } from '../../helpers/testServices';

describe('DirectLineTokens', () => {
  let now = FIXED_NOW;
  const tokens = new DirectLineTokens({ lifetimeMinutes: 30, now: () => now });
  beforeEach(() => {
    now = FIXED_NOW;
  });

  it('issues a token for one conversation and user that checks out until it expires', async () => {
    const issued = await tokens.issue({ conversationId: 'c1', userId: 'dl_anon_x', userName: 'Sam' });
    expect(issued.expiresIn).to.equal(1800);
    const check = await tokens.verify(issued.token);
    expect(check).to.deep.equal({ ok: true, claims: { conversationId: 'c1', userId: 'dl_anon_x', userName: 'Sam', expiresAt: Math.floor(FIXED_NOW.toSeconds()) + 1800 } });
    now = FIXED_NOW.plus({ minutes: 29, seconds: 59 });
    expect((await tokens.verify(issued.token)).ok).to.equal(true);
    now = FIXED_NOW.plus({ minutes: 30 });
    expect(await tokens.verify(issued.token)).to.deep.equal({ ok: false, problem: 'expired' });
  });

  it('carries the user id where Web Chat reads it (the `user` claim, as Azure tokens do)', async () => {
    const { token } = await tokens.issue({ conversationId: 'c1', userId: 'dl_user_E1' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(payload.user).to.equal('dl_user_E1');
  });

  it('refuses a missing token, garbage, a tampered one, and one from another process', async () => {
    const { token } = await tokens.issue({ conversationId: 'c1', userId: 'u' });
    const [header, payload, signature] = token.split('.');
    const forged = [header, Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), conv: 'c2' })).toString('base64url'), signature].join('.');
    const otherProcess = await new DirectLineTokens({ lifetimeMinutes: 30, now: () => now }).issue({ conversationId: 'c1', userId: 'u' });
    expect(await tokens.verify(undefined)).to.deep.equal({ ok: false, problem: 'missing' });
    for (const bad of ['garbage', forged, otherProcess.token]) expect(await tokens.verify(bad)).to.deep.equal({ ok: false, problem: 'invalid' });
  });

  it('reads the token from an Authorization header', () => {
    expect(bearerToken('Bearer abc.def')).to.equal('abc.def');
    expect(bearerToken('bearer   abc')).to.equal('abc');
    expect(bearerToken('Basic abc')).to.equal(undefined);
    expect(bearerToken(undefined)).to.equal(undefined);
  });
});
