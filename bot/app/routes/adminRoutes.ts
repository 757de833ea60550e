import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import type { Services } from '../services';
import { idempotencyKeyProblem } from '../../platform/store/idempotencyKeys';
import { checkAdminToken } from '../../platform/http/adminAuth';

/** Refuses the request unless it carries the admin token; true when it may go on. */
export function adminAllowed(services: Services, req: Request, res: Response): boolean {
  const refusal = checkAdminToken(services.config.adminApiToken, req.header('authorization'));
  if (!refusal) return true;
  res.send(refusal.status, refusal.body);
  return false;
}

/** A creating request's Idempotency-Key and JSON object body. */
export interface KeyedBody {
  key: string;
  body: Record<string, unknown>;
}

/**
 * Checks a creating admin request: the token, an Idempotency-Key and a JSON object body (`what`
 * names the thing created, for the message). Sends the refusal and returns undefined when any is wrong.
 */
export function keyedAdminRequest(services: Services, req: Request, res: Response, what: string): KeyedBody | undefined {
  if (!adminAllowed(services, req, res)) return undefined;
  const key = req.header('idempotency-key');
  const keyProblem = idempotencyKeyProblem(key);
  if (keyProblem) {
    res.send(400, { error: 'BadRequest', message: keyProblem });
    return undefined;
  }
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    res.send(400, { error: 'BadRequest', message: `Send a JSON object (Content-Type: application/json) describing the ${what}.` });
    return undefined;
  }
  return { key: key!, body: body as Record<string, unknown> };
}

/** The admin API's read-only reports, behind ADMIN_API_TOKEN. */
export function registerAdminRoutes(server: Server, services: Services): void {
  server.get('/api/admin/gaps', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const days = Number(query.get('days') ?? 90);
    if (!Number.isInteger(days) || days <= 0 || days > 3650) {
      res.send(400, { error: 'BadRequest', message: '"days" must be a whole number from 1 to 3650' });
      return;
    }
    const since: DateTime = services.now().minus({ days });
    res.send(200, await services.store.feedback.gapReport(since));
  });
}
