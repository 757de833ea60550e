import { Request, Response } from 'restify';
import { idempotencyKeyProblem } from '../store/idempotencyKeys';
import { checkAdminToken } from './adminAuth';

/** A creating request's Idempotency-Key and JSON object body. */
export interface KeyedBody {
  key: string;
  body: Record<string, unknown>;
}

/** The admin API's door, shared by every feature's admin routes so they refuse alike. */
export interface AdminGate {
  /** Refuses the request unless it carries the admin token; true when it may go on. */
  allowed(req: Request, res: Response): boolean;
  /**
   * Checks a creating admin request: the token, an Idempotency-Key and a JSON object body (`what`
   * names the thing created, for the message). Sends the refusal and returns undefined when any is wrong.
   */
  keyed(req: Request, res: Response, what: string): KeyedBody | undefined;
}

/** The admin gate for ADMIN_API_TOKEN (`undefined` turns the admin API off: every request gets 404). */
export function adminGate(adminApiToken: string | undefined): AdminGate {
  const allowed = (req: Request, res: Response): boolean => {
    const refusal = checkAdminToken(adminApiToken, req.header('authorization'));
    if (!refusal) return true;
    res.send(refusal.status, refusal.body);
    return false;
  };
  return {
    allowed,
    keyed(req, res, what) {
      if (!allowed(req, res)) return undefined;
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
    },
  };
}
