import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import { bodyLengthNote, briefingPatchSchema, checkBriefing, contentProblems, problemOf } from './briefingInput';
import { Briefing } from './briefings';
import type { BriefingService } from './briefingService';
import type { RoleService } from '../roles/roleService';
import type { AdminGate } from '../../platform/http/adminGate';
import type { IdempotencyKeys } from '../../platform/store/idempotencyKeys';
import { validationFailure } from '../../platform/http/validationFailure';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** What the briefings admin API needs: the admin gate, the briefings, the kept creations, who holds a role, and the clock. */
export interface BriefingRouteDeps {
  admin: AdminGate;
  briefings: Pick<BriefingService, 'get' | 'audienceSize' | 'create' | 'publishIfUnfinished' | 'status' | 'deliveriesCsv' | 'edit' | 'recall'>;
  idempotencyKeys: Pick<IdempotencyKeys, 'once'>;
  roles: Pick<RoleService, 'isRoleHolder'>;
  now: () => DateTime;
}

/** The route idempotency keys of briefing creation are stored under. */
const CREATE_ROUTE = 'POST /api/briefings';

/** A briefing as the API shows it. */
function briefingJson(b: Briefing) {
  return {
    id: b.id,
    title: b.title,
    summary: b.summary,
    body: b.body,
    link: b.link ?? null,
    topics: b.topics,
    audience: b.audience,
    publish_at: b.publishAt,
    expires_at: b.expiresAt ?? null,
    urgent: b.urgent,
    status: b.status,
    recipients: b.recipients,
    version: b.version,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
  };
}

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);

/** The briefing a route names, or a 404 already sent. */
async function briefingOf(briefings: BriefingRouteDeps['briefings'], req: Request, res: Response): Promise<Briefing | undefined> {
  const id = Number(req.params.id);
  const briefing = Number.isInteger(id) && id > 0 ? await briefings.get(id) : undefined;
  if (!briefing) res.send(404, { error: 'NotFound', message: `There is no briefing ${JSON.stringify(String(req.params.id))}.` });
  return briefing;
}

/**
 * The briefings admin API for a council's CMS, behind ADMIN_API_TOKEN: create (with an
 * Idempotency-Key, so a retry never sends a second briefing), read with delivery counts, the
 * per-recipient CSV, edit the words, and recall.
 */
export function registerBriefingRoutes(server: Server, deps: BriefingRouteDeps): void {
  const { admin, briefings, idempotencyKeys, roles, now } = deps;

  server.post('/api/briefings', async (req: Request, res: Response) => {
    const request = admin.keyed(req, res, 'briefing');
    if (!request) return;
    const { key, body } = request;
    // Checked before the transaction, so it stays short (on SQLite it holds the only connection).
    const checked = checkBriefing(body, now(), LONDON_ZONE, { pastPublish: 'refuse', isKnownOwner: (owner) => roles.isRoleHolder(owner) });
    const audienceSize = checked.ok ? await briefings.audienceSize(checked.draft) : 0;
    const result = await idempotencyKeys.once({ key, route: CREATE_ROUTE, body }, async () => {
      if (!checked.ok) return validationFailure('briefing', checked.problems);
      if (audienceSize === 0) {
        return {
          status: 422,
          body: {
            error: 'EmptyAudience',
            message:
              'Nobody matches this audience yet (no member of a team the app is installed in, and no one with a chat with the bot, with a matching profile). Nothing was created.',
          },
        };
      }
      const id = await briefings.create(checked.draft, checked.owner ?? 'admin-api');
      return { status: 201, body: { id, recipients: audienceSize, notes: checked.notes } };
    });
    // Queued after the transaction commits (a replay finishes queueing that was cut short); start-up finishes the rest.
    const created = result.status === 201 ? (result.body as { id?: number }).id : undefined;
    if (created !== undefined) await briefings.publishIfUnfinished(created);
    res.send(result.status, result.body);
  });

  server.get('/api/briefings/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const briefing = await briefingOf(briefings, req, res);
    if (!briefing) return;
    const report = await briefings.status(briefing.id);
    res.send(200, { ...briefingJson(briefing), delivery: report?.counts });
  });

  server.get('/api/briefings/:id/deliveries.csv', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const briefing = await briefingOf(briefings, req, res);
    if (!briefing) return;
    const csv = (await briefings.deliveriesCsv(briefing.id)) ?? '';
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="briefing-${briefing.id}-deliveries.csv"`);
    res.sendRaw(200, csv);
  });

  server.patch('/api/briefings/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const briefing = await briefingOf(briefings, req, res);
    if (!briefing) return;
    const body: unknown = req.body;
    if (!isObject(body)) {
      res.send(400, { error: 'BadRequest', message: 'Send a JSON object with the fields to change: title, summary, body, link, topics.' });
      return;
    }
    // A partial update: only the fields sent change; null clears the link.
    const words = briefingPatchSchema.safeParse(body);
    const problems = words.success
      ? []
      : words.error.issues.map((i) =>
          i.code === 'unrecognized_keys'
            ? { field: 'request', message: `${i.message}. Only title, summary, body, link and topics can change after sending.` }
            : problemOf(i),
        );
    problems.push(...contentProblems(body as { summary?: string; body?: string }));
    if (!words.success || problems.length) {
      const failure = validationFailure('change', problems);
      res.send(failure.status, failure.body);
      return;
    }
    const change = words.data;
    const result = await briefings.edit(briefing.id, {
      title: change.title ?? briefing.title,
      summary: change.summary ?? briefing.summary,
      body: change.body ?? briefing.body,
      link: change.link === null ? undefined : (change.link ?? briefing.link),
      topics: change.topics ?? briefing.topics,
    });
    if (!result.updated) {
      res.send(409, { error: 'Conflict', message: 'A recalled briefing cannot be edited.' });
      return;
    }
    const note = change.body !== undefined ? bodyLengthNote(change.body) : undefined;
    res.send(200, { id: briefing.id, cards_updating: result.cardsUpdating, notes: note ? [note] : [] });
  });

  server.del('/api/briefings/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const briefing = await briefingOf(briefings, req, res);
    if (!briefing) return;
    const result = await briefings.recall(briefing.id);
    if (!result.recalled) {
      res.send(409, { error: 'Conflict', message: 'That briefing was already recalled.' });
      return;
    }
    res.send(200, { id: briefing.id, status: 'recalled', cancelled: result.cancelled, deleting: result.deleting });
  });
}
