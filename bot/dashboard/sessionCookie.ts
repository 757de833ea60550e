import { IncomingMessage } from 'node:http';
import { parse, serialize, SerializeOptions } from 'cookie';
import { requestOrigin } from '../platform/http/requestOrigin';

/** The cookie the browser sign-in is kept in, scoped to the dashboard's paths. */
export const SESSION_COOKIE = 'dashboard_session';
const COOKIE_PATH = '/dashboard';

/** The value of one cookie in a request's Cookie header, if present; a badly encoded value is kept as sent rather than throwing. */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  return parse(String(req.headers.cookie ?? ''))[name];
}

/** Attributes every session cookie carries: HttpOnly, SameSite=Strict, and Secure when the browser came over HTTPS. */
function attributes(req: IncomingMessage, maxAgeSeconds: number): SerializeOptions {
  const secure = requestOrigin(req).http.startsWith('https:');
  return { maxAge: Math.max(0, Math.floor(maxAgeSeconds)), path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure };
}

/** The Set-Cookie header that starts a session lasting `maxAgeSeconds`. */
export function sessionCookie(req: IncomingMessage, token: string, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, token, attributes(req, maxAgeSeconds));
}

/** The Set-Cookie header that ends the session in this browser. */
export function clearedSessionCookie(req: IncomingMessage): string {
  return serialize(SESSION_COOKIE, '', attributes(req, 0));
}
