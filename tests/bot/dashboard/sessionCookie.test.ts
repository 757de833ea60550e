import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { expect } from 'chai';
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie } from '../../../bot/dashboard/sessionCookie';

/** A request carrying the given headers, as the server would see it. */
function request(headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  Object.assign(req.headers, headers);
  return req;
}

describe('sessionCookie', () => {
  it('reads one cookie among others, whatever the spacing', () => {
    const req = request({ cookie: `theme=dark;${SESSION_COOKIE}=abc%2Fdef ; other=1` });
    expect(cookieValue(req, SESSION_COOKIE)).to.equal('abc/def');
    expect(cookieValue(request({}), SESSION_COOKIE)).to.equal(undefined);
    expect(cookieValue(request({ cookie: `x${SESSION_COOKIE}=abc` }), SESSION_COOKIE)).to.equal(undefined);
  });

  it('takes a cookie whose value is badly percent-encoded as it came, rather than throwing', () => {
    // A browser (or anyone) may send any bytes; one bad cookie must not turn a page into a 500.
    const req = request({ cookie: `${SESSION_COOKIE}=%E0%A4%A; other=%` });
    expect(() => cookieValue(req, SESSION_COOKIE)).to.not.throw();
    expect(cookieValue(req, SESSION_COOKIE)).to.equal('%E0%A4%A');
  });

  it('sets the session as HttpOnly, SameSite=Strict, scoped to the dashboard, Secure over HTTPS', () => {
    const overHttps = request({ 'x-forwarded-proto': 'https', host: 'bot.example' });
    const header = sessionCookie(overHttps, 'a b/c', 90.7);
    const [pair, ...attributes] = header.split('; ');
    expect(pair).to.equal(`${SESSION_COOKIE}=a%20b%2Fc`);
    expect(attributes).to.include.members(['Max-Age=90', 'Path=/dashboard', 'HttpOnly', 'SameSite=Strict', 'Secure']);
    expect(clearedSessionCookie(request({ host: 'bot.example' }))).to.match(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0;`));
    expect(clearedSessionCookie(request({ host: 'bot.example' }))).to.not.contain('Secure');
  });
});
