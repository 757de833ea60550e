import crypto from 'node:crypto';
import { expect } from 'chai';
import { bearerToken } from '../../../bot/platform/http/bearerToken';
import { DirectLineTokens } from '../../../bot/webchat/directLineTokens';
import { FIXED_NOW } from '../../helpers/testServices';

describe('DirectLineTokens', () => {
  let now = FIXED_NOW;
  const key = crypto.randomBytes(32);
  const tokens = new DirectLineTokens({ lifetimeMinutes: 30, now: () => now, key });
  beforeEach(() => {
    now = FIXED_NOW;
  });

  it('issues a conversation token for one conversation and user that checks out until it expires', async () => {
    const issued = await tokens.issue({ conversationId: 'c1', userId: 'dl_anon_x', userName: 'Sam' });
    expect(issued.expiresIn).to.equal(1800);
    const check = await tokens.verify(issued.token);
    expect(check).to.deep.equal({
      ok: true,
      claims: { conversationId: 'c1', userId: 'dl_anon_x', userName: 'Sam', scope: 'conversation', expiresAt: Math.floor(FIXED_NOW.toSeconds()) + 1800 },
    });
    now = FIXED_NOW.plus({ minutes: 29, seconds: 59 });
    expect((await tokens.verify(issued.token)).ok).to.equal(true);
    now = FIXED_NOW.plus({ minutes: 30 });
    expect(await tokens.verify(issued.token)).to.deep.equal({ ok: false, problem: 'expired' });
  });

  it('issues start credentials that last five minutes, carry a verified email, and only start', async () => {
    const issued = await tokens.issueStart({ conversationId: 'c1', userId: 'dl_user_E1', userName: 'Sam', userEmail: 'sam@council.gov.uk' });
    expect(issued.expiresIn).to.equal(300);
    expect(await tokens.verify(issued.token)).to.deep.equal({ ok: false, problem: 'scope' });
    const check = await tokens.verify(issued.token, ['start']);
    expect(check.ok && check.claims).to.deep.include({ scope: 'start', userEmail: 'sam@council.gov.uk' });
    const conversation = await tokens.issue({ conversationId: 'c1', userId: 'dl_user_E1' });
    expect(await tokens.verify(conversation.token, ['start'])).to.deep.equal({ ok: false, problem: 'scope' });
    now = FIXED_NOW.plus({ minutes: 5 });
    expect(await tokens.verify(issued.token, ['start'])).to.deep.equal({ ok: false, problem: 'expired' });
  });

  it('never lets a start credential outlive a shorter conversation token lifetime', async () => {
    const short = new DirectLineTokens({ lifetimeMinutes: 1, now: () => now, key });
    expect((await short.issueStart({ conversationId: 'c', userId: 'u' })).expiresIn).to.equal(60);
  });

  it('carries the user id where Web Chat reads it (the `user` claim, as Azure tokens do)', async () => {
    const { token } = await tokens.issue({ conversationId: 'c1', userId: 'dl_user_E1' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(payload.user).to.equal('dl_user_E1');
  });

  it('accepts a token from another replica (or from before a restart) signed with the same key', async () => {
    const otherReplica = new DirectLineTokens({ lifetimeMinutes: 30, now: () => now, key: Buffer.from(key) });
    const { token } = await otherReplica.issue({ conversationId: 'c1', userId: 'u' });
    expect((await tokens.verify(token)).ok).to.equal(true);
  });

  it('refuses a missing token, garbage, a tampered one, one signed with another key, and one with no scope', async () => {
    const { token } = await tokens.issue({ conversationId: 'c1', userId: 'u' });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, conv: 'c2' })).toString('base64url'), signature].join('.');
    const otherKey = await new DirectLineTokens({ lifetimeMinutes: 30, now: () => now, key: crypto.randomBytes(32) }).issue({
      conversationId: 'c1',
      userId: 'u',
    });
    const unscoped = `${header}.${Buffer.from(JSON.stringify({ ...claims, scp: undefined })).toString('base64url')}`;
    const signedUnscoped = `${unscoped}.${crypto.createHmac('sha256', key).update(unscoped).digest('base64url')}`;
    expect(await tokens.verify(undefined)).to.deep.equal({ ok: false, problem: 'missing' });
    for (const bad of ['garbage', forged, otherKey.token, signedUnscoped]) expect(await tokens.verify(bad)).to.deep.equal({ ok: false, problem: 'invalid' });
  });

  it('reads the token from an Authorization header', () => {
    expect(bearerToken('Bearer abc.def')).to.equal('abc.def');
    expect(bearerToken('bearer   abc')).to.equal('abc');
    expect(bearerToken('Basic abc')).to.equal(undefined);
    expect(bearerToken(undefined)).to.equal(undefined);
  });
});
