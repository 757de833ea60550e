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
