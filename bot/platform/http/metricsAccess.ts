import crypto from 'node:crypto';

/** Why a /metrics request was refused, as an HTTP status and a JSON body. */
export interface MetricsRefusal {
  status: 401 | 403 | 404;
  body: { error: string; message: string };
}

/**
 * Who may read /metrics. With METRICS_TOKEN set, only a request carrying it as a bearer token. Without
 * it, the metrics stay open in local mode (a developer's machine) and are off when Bot Framework
 * credentials are set, because turn counts and timings are nobody's business on the internet.
 */
export function checkMetricsAccess(options: { token?: string; localMode: boolean }, authorization: string | undefined): MetricsRefusal | undefined {
  if (!options.token) {
    return options.localMode ? undefined : { status: 404, body: { error: 'NotFound', message: 'Metrics are off: set METRICS_TOKEN to turn them on.' } };
  }
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) return { status: 401, body: { error: 'Unauthorized', message: 'Send the metrics token as "Authorization: Bearer <token>".' } };
  const given = crypto.createHash('sha256').update(match[1].trim()).digest();
  const expected = crypto.createHash('sha256').update(options.token).digest();
  return crypto.timingSafeEqual(given, expected) ? undefined : { status: 403, body: { error: 'Forbidden', message: 'That metrics token is not valid.' } };
}
