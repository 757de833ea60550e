import { IncomingMessage } from 'node:http';

/**
 * The address a request came from. Behind `trustedProxyHops` reverse proxies (a load balancer, an
 * Azure Front Door) it is the X-Forwarded-For entry the outermost trusted proxy added; entries
 * further left were written by the client and could be anything, so they are never used.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops = 0): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxyHops] ?? socket;
}
