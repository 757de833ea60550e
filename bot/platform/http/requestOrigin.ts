import { IncomingMessage } from 'node:http';

/** The scheme and host a browser used to reach this server, for absolute URLs such as a stream URL. */
export interface RequestOrigin {
  /** For example `https://bot.council.gov.uk`. */
  http: string;
  /** The same host for WebSockets, for example `wss://bot.council.gov.uk`. */
  ws: string;
  /** The host and port alone. */
  host: string;
}

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Works out the origin from the Host header, and from X-Forwarded-Proto when a TLS proxy sits in
 * front; a Host header that is not a plain host name falls back to localhost rather than being
 * copied into a URL or a security policy.
 */
export function requestOrigin(req: IncomingMessage): RequestOrigin {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim()
    .toLowerCase();
  const tls = forwarded ? forwarded === 'https' : Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const given = req.headers.host ?? '';
  const host = SAFE_HOST.test(given) ? given : 'localhost';
  return { http: `${tls ? 'https' : 'http'}://${host}`, ws: `${tls ? 'wss' : 'ws'}://${host}`, host };
}
