import { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { audienceFilterSchema } from '../audience/audienceFilter';
import { AudienceStore, countAudience, resolveAudience } from '../audience/resolveAudience';
import { DirectorySync } from './directoryStore';
import { personIdOf } from './directoryStore';
import { readHrFile } from './hrImport';
import type { Directory } from './createDirectory';
import type { AdminGate } from '../../platform/http/adminGate';
import { IdempotencyKeys } from '../../platform/store/idempotencyKeys';
import { schemaProblems, validationFailure } from '../../platform/http/validationFailure';

/**
 * What the directory admin API needs: the admin gate, the directory, the kept imports, and the
 * store audiences are resolved from (with the directory's people in it).
 */
export interface DirectoryRouteDeps {
  admin: AdminGate;
  directory: Pick<Directory, 'people' | 'mapping' | 'graph' | 'installer' | 'sync'>;
  idempotencyKeys: Pick<IdempotencyKeys, 'once'>;
  audienceStore: AudienceStore;
}

/** The route idempotency keys of HR imports are stored under. */
const IMPORT_ROUTE = 'POST /api/directory/import';
/** People shown in a preview, so the comms team can check the mapping before importing. */
const PREVIEW_PEOPLE = 20;

const syncRequest = z.object({ groups: audienceFilterSchema.shape.groups }).strict();

function syncJson(s: DirectorySync) {
  return {
    sync_id: s.syncId,
    trigger: s.trigger,
    status: s.status,
    phase: s.phase,
    users: s.users,
    groups: s.groups,
    installed: s.installed,
    install_problems: s.installProblems,
    problem: s.problem ?? null,
    started_at: s.startedAt,
    finished_at: s.finishedAt ?? null,
  };
}

/** The HR file a directory import takes, as the 415 refusal describes it. */
const HR_FILE = {
  name: 'HR file',
  columns: 'email, name, department, job_title, office_location, company_name, active',
};

/**
 * The directory admin API, behind ADMIN_API_TOKEN: import a partner organisation's HR file
 * (preview, then import with an Idempotency-Key), run the Graph sync and watch its progress, list
 * the Entra groups read, and count an audience by how its people can be reached.
 */
export function registerDirectoryRoutes(server: Server, deps: DirectoryRouteDeps): void {
  const { admin, directory, idempotencyKeys, audienceStore } = deps;

  server.post('/api/directory/import', async (req: Request, res: Response) => {
    const request = admin.csvImport(req, res, HR_FILE);
    if (!request) return;
    const { csv } = request;
    const file = readHrFile(csv);
    const mapping = directory.mapping();
    if (request.preview) {
      if (!file.ok) {
        const failure = validationFailure('HR file', file.problems);
        res.send(failure.status, failure.body);
        return;
      }
      const known = await directory.people.existing(file.people.map(personIdOf));
      res.send(200, {
        mode: 'preview',
        rows: file.people.length,
        new: file.people.filter((p) => !known.has(personIdOf(p))).length,
        updated: file.people.filter((p) => known.has(personIdOf(p))).length,
        inactive: file.people.filter((p) => !p.enabled).length,
        mapping: { owner: mapping.owner, review_by: mapping.reviewBy, rules: mapping.size },
        people: file.people
          .slice(0, PREVIEW_PEOPLE)
          .map((p) => ({ email: p.email, name: p.displayName ?? null, ...p.attributes, active: p.enabled, targeting: mapping.apply(p.attributes) })),
      });
      return;
    }
    // One transaction: the people and the kept response are written together, or nothing is.
    const result = await idempotencyKeys.once({ key: request.key, route: IMPORT_ROUTE, body: { csv } }, async () => {
      if (!file.ok) return validationFailure('HR file', file.problems);
      const known = await directory.people.existing(file.people.map(personIdOf));
      await directory.people.upsertPeople(file.people, mapping);
      const added = file.people.filter((p) => !known.has(personIdOf(p))).length;
      return {
        status: 200,
        body: {
          mode: 'import',
          imported: file.people.length,
          new: added,
          updated: file.people.length - added,
          inactive: file.people.filter((p) => !p.enabled).length,
        },
      };
    });
    res.send(result.status, result.body);
  });

  server.post('/api/directory/sync', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const parsed = parsedOr422(syncRequest, req, res, 'sync request', 'request');
    if (!parsed) return;
    const syncId = await directory.sync.start('admin-api', parsed.groups ?? []);
    res.send(202, { sync_id: syncId, progress: `/api/directory/syncs/${syncId}`, graph: !!directory.graph, installs: !!directory.installer });
  });

  server.get('/api/directory/syncs', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    res.send(200, { syncs: (await directory.people.recentSyncs()).map(syncJson) });
  });

  server.get('/api/directory/syncs/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const sync = await directory.people.sync(String(req.params.id));
    if (!sync) {
      res.send(404, { error: 'NotFound', message: `There is no directory sync ${JSON.stringify(String(req.params.id))}.` });
      return;
    }
    res.send(200, syncJson(sync));
  });

  server.get('/api/directory/groups', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const groups = await directory.people.groups();
    res.send(200, {
      groups: groups.map((g) => ({
        group_id: g.groupId,
        display_name: g.displayName ?? null,
        members: g.members,
        problem: g.problem ?? null,
        synced_at: g.syncedAt ?? null,
      })),
    });
  });

  server.post('/api/directory/install', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const parsed = parsedOr422(audienceFilterSchema, req, res, 'audience', 'audience');
    if (!parsed) return;
    if (!directory.installer) {
      res.send(409, {
        error: 'Conflict',
        message: 'Proactive installation is off: set GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, GRAPH_TENANT_ID and GRAPH_TEAMS_APP_ID.',
      });
      return;
    }
    const busy = directory.sync.underWay;
    if (busy) {
      res.send(409, {
        error: 'Conflict',
        message: 'A directory sync or install is under way; try again when it has finished.',
        progress: `/api/directory/syncs/${busy}`,
      });
      return;
    }
    const recipients = await resolveAudience(parsed, audienceStore, { includeUnreachable: true });
    const todo = recipients.filter((r) => r.reach?.via === 'install' && r.userId.startsWith('aad:')).map((r) => r.userId.slice('aad:'.length));
    const syncId = await directory.sync.startInstalls(todo);
    res.send(202, { sync_id: syncId, installing: todo.length, progress: `/api/directory/syncs/${syncId}` });
  });

  server.post('/api/directory/audience-count', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const parsed = parsedOr422(audienceFilterSchema, req, res, 'audience', 'audience');
    if (!parsed) return;
    const recipients = await resolveAudience(parsed, audienceStore, { includeUnreachable: true });
    const count = countAudience(recipients);
    res.send(200, {
      in_audience: count.inAudience,
      reachable_now: count.reachableNow,
      needs_install: count.needsInstall,
      not_reachable: count.notReachable,
      reasons: count.reasons,
    });
  });
}

/** The request body parsed by `schema`, or undefined after answering 422 with every problem. */
function parsedOr422<T>(schema: z.ZodType<T>, req: Request, res: Response, what: string, whole: string): T | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const failure = validationFailure(what, schemaProblems(parsed.error.issues, whole));
  res.send(failure.status, failure.body);
  return undefined;
}
