import { Request, Response } from 'restify';
import { idempotencyKeyProblem } from '../store/idempotencyKeys';
import { checkAdminToken } from './adminAuth';

/** A creating request's Idempotency-Key and JSON object body. */
export interface KeyedBody {
  key: string;
  body: Record<string, unknown>;
}

/** What a CSV import must send: the file's name and its header row, for the 415 message. */
export interface CsvFile {
  /** The file as its senders know it ("HR file", "LMS export"). */
  name: string;
  /** The header row it needs, in words. */
  columns: string;
}

/** A CSV import request that passed the gate: a preview (no key needed) or an import under its Idempotency-Key. */
export type CsvImport = { preview: true; csv: string } | { preview: false; key: string; csv: string };

/** The admin API's door, shared by every feature's admin routes so they refuse alike. */
export interface AdminGate {
  /** Refuses the request unless it carries the admin token; true when it may go on. */
  allowed(req: Request, res: Response): boolean;
  /**
   * Checks a creating admin request: the token, an Idempotency-Key and a JSON object body (`what`
   * names the thing created, for the message). Sends the refusal and returns undefined when any is wrong.
   */
  keyed(req: Request, res: Response, what: string): KeyedBody | undefined;
  /**
   * Checks a CSV import: the token, then an Idempotency-Key unless `?preview=true`, then a text/csv
   * body. Sends the refusal and returns undefined when any is wrong.
   */
  csvImport(req: Request, res: Response, file: CsvFile): CsvImport | undefined;
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
    csvImport(req, res, file) {
      if (!allowed(req, res)) return undefined;
      const preview = isPreview(req);
      const key = req.header('idempotency-key');
      const keyProblem = preview ? undefined : idempotencyKeyProblem(key);
      if (keyProblem) {
        res.send(400, { error: 'BadRequest', message: `${keyProblem} (Add ?preview=true to check a file without importing it.)` });
        return undefined;
      }
      if (!/^text\/csv\b/i.test(req.header('content-type') ?? '')) {
        res.send(415, {
          error: 'UnsupportedMediaType',
          message: `Send the ${file.name} as CSV with "Content-Type: text/csv" and a header row (${file.columns}).`,
        });
        return undefined;
      }
      const body: unknown = req.body;
      const csv = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
      return preview ? { preview, csv } : { preview, key: key!, csv };
    },
  };
}

/** Whether the request asks only to check its file (`?preview=1|true|yes`). */
function isPreview(req: Request): boolean {
  return ['1', 'true', 'yes'].includes(new URL(req.url ?? '/', 'http://localhost').searchParams.get('preview') ?? '');
}
