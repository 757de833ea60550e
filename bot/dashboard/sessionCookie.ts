import { IncomingMessage } from 'node:http';
import { requestOrigin } from '../platform/http/requestOrigin';

/** The cookie the browser sign-in is kept in, scoped to the dashboard's paths. */
export const SESSION_COOKIE = 'dashboard_session';
const COOKIE_PATH = '/dashboard';

/** The value of one cookie in a request's Cookie header, if present. */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Attributes every session cookie carries: HttpOnly, SameSite=Strict, and Secure when the browser came over HTTPS. */
function attributes(req: IncomingMessage): string {
  const secure = requestOrigin(req).http.startsWith('https:');
  return `Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie header that starts a session lasting `maxAgeSeconds`. */
export function sessionCookie(req: IncomingMessage, token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; ${attributes(req)}`;
}

/** The Set-Cookie header that ends the session in this browser. */
export function clearedSessionCookie(req: IncomingMessage): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(req)}`;
}
