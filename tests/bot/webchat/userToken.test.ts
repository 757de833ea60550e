import { expect } from 'chai';
import { SignJWT } from 'jose';
import { verifyUserToken } from '../../../bot/webchat/userToken';
import { FIXED_NOW, fixedClock } from '../../helpers/testServices';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const sign = (claims: Record<string, unknown>, exp: number) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(new TextEncoder().encode(SECRET));

describe('verifyUserToken', () => {
  it('turns a valid token into a verified user with a stable id', async () => {
    const token = await sign({ sub: 'staff@council.gov.uk', name: '  Sam Worker ', email: 'Staff@Council.gov.uk' }, Math.floor(FIXED_NOW.toSeconds()) + 60);
    expect(await verifyUserToken(token, SECRET, fixedClock)).to.deep.equal({
      ok: true,
      user: { id: 'dl_user_staff@council.gov.uk', name: 'Sam Worker', email: 'staff@council.gov.uk', verified: true },
    });
  });

  it('keeps the Entra object id an intranet may add as `oid`, so pulses count the person once across Teams and web chat', async () => {
    const exp = Math.floor(FIXED_NOW.toSeconds()) + 60;
    const token = await sign({ sub: 'E1', oid: '5E1F0000-0000-4000-8000-000000000001' }, exp);
    const checked = await verifyUserToken(token, SECRET, fixedClock);
    expect(checked.ok && checked.user).to.deep.include({ id: 'dl_user_E1', oid: '5e1f0000-0000-4000-8000-000000000001', verified: true });
    expect(await verifyUserToken(await sign({ sub: 'E1', oid: 'not-an-object-id' }, exp), SECRET, fixedClock)).to.deep.include({
      ok: false,
      error: 'UserTokenInvalid',
    });
  });

  it('allows 30 seconds of clock difference, and no more', async () => {
    const justExpired = await sign({ sub: 'E1' }, Math.floor(FIXED_NOW.toSeconds()) - 20);
    expect((await verifyUserToken(justExpired, SECRET, fixedClock)).ok).to.equal(true);
    const expired = await sign({ sub: 'E1' }, Math.floor(FIXED_NOW.toSeconds()) - 40);
    expect(await verifyUserToken(expired, SECRET, fixedClock)).to.deep.include({ ok: false, error: 'UserTokenExpired' });
  });

  it('refuses a token without an expiry', async () => {
    const forever = await new SignJWT({ sub: 'E1' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
    expect(await verifyUserToken(forever, SECRET, fixedClock)).to.deep.include({ ok: false, error: 'UserTokenInvalid' });
  });

  it('refuses every token when no secret is configured', async () => {
    const token = await sign({ sub: 'E1' }, Math.floor(FIXED_NOW.toSeconds()) + 60);
    expect(await verifyUserToken(token, undefined, fixedClock)).to.deep.include({ ok: false, error: 'UserTokensDisabled' });
  });
});
