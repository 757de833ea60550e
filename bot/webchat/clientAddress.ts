import { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for per-client limits. With no proxies in front it is the
 * socket's peer; behind `proxyHops` reverse proxies it is the entry that many places from the
 * right of X-Forwarded-For (each proxy appends the address it saw), since anything further left
 * was written by the client and could be anything.
 */
export function clientAddress(req: IncomingMessage, proxyHops: number): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  if (proxyHops <= 0) return peer;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - proxyHops];
  return entry ? normalise(entry) : peer;
}

/** IPv4 addresses as IPv4, however the socket reported them. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
