import crypto from 'node:crypto';

/** Why an admin API request was refused, as an HTTP status and a JSON body. */
export interface AdminRefusal {
  status: 401 | 403 | 404;
  body: { error: string; message: string };
}

/**
 * Checks the bearer token of an admin API request. With no ADMIN_API_TOKEN configured the admin
 * API is off (404), never open; the comparison takes the same time whatever the token.
 */
export function checkAdminToken(configured: string | undefined, authorization: string | undefined): AdminRefusal | undefined {
  if (!configured) return { status: 404, body: { error: 'NotFound', message: 'The admin API is off: set ADMIN_API_TOKEN to turn it on.' } };
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) return { status: 401, body: { error: 'Unauthorized', message: 'Send the admin token as "Authorization: Bearer <token>".' } };
  const given = crypto.createHash('sha256').update(match[1].trim()).digest();
  const expected = crypto.createHash('sha256').update(configured).digest();
  if (!crypto.timingSafeEqual(given, expected)) return { status: 403, body: { error: 'Forbidden', message: 'That admin token is not valid.' } };
  return undefined;
}
