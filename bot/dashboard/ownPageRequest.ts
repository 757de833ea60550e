import { IncomingMessage } from 'node:http';
import { requestOrigin } from '../platform/http/requestOrigin';

/**
 * True when a state-changing request came from the dashboard's own page: JSON (which a form on
 * another site cannot send without a preflight) and, when the browser says, same-origin.
 */
export function jsonFromOwnPage(req: IncomingMessage): boolean {
  if (
    !String(req.headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('application/json')
  )
    return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  return origin === undefined || origin === 'null' || origin === requestOrigin(req).http;
}
