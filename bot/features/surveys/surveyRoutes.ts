import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import { resultsCsv } from './resultsCsv';
import { SurveyService, surveyIdFrom } from './surveyService';
import { Wave, waveStatus } from './wave';
import type { RoleService } from '../roles/roleService';
import type { AdminGate } from '../../platform/http/adminGate';
import type { IdempotencyKeys } from '../../platform/store/idempotencyKeys';
import type { Logger } from 'pino';
import { validationFailure } from '../../platform/http/validationFailure';

/** What the pulse admin API needs: the admin gate, the pulses, the kept creations, who holds a role, the log, and the clock. */
export interface SurveyRouteDeps {
  admin: AdminGate;
  surveys: Pick<SurveyService, 'templates' | 'check' | 'create' | 'wave' | 'schedule' | 'listWaves' | 'results'>;
  idempotencyKeys: Pick<IdempotencyKeys, 'once'>;
  roles: Pick<RoleService, 'isRoleHolder'>;
  logger: Pick<Logger, 'warn'>;
  now: () => DateTime;
}

/** The route idempotency keys of wave creation are stored under. */
const CREATE_ROUTE = 'POST /api/surveys';

/** A wave as the API shows it: its settings, never its secret or any response. */
function waveJson(wave: Wave, now: Parameters<typeof waveStatus>[1]) {
  return {
    id: wave.id,
    name: wave.name,
    template: wave.templateId,
    status: waveStatus(wave, now),
    audience: wave.audience,
    opens_at: wave.opensAt.toISO(),
    closes_at: wave.closesAt.toISO(),
    reminder_days: wave.reminderDays,
    anonymity_threshold: wave.threshold,
    invited: wave.invited,
    owner: wave.owner ?? null,
  };
}

const notFound = (res: Response, id: string): void => void res.send(404, { error: 'NotFound', message: `There is no pulse ${JSON.stringify(id)}.` });

/**
 * The pulse admin API, behind ADMIN_API_TOKEN: list templates, start a wave (with an
 * Idempotency-Key, so a retry never starts a second), list waves, and read a wave's results as
 * JSON or as a CSV of aggregates. Results come from the one function that enforces anonymity, so
 * no route returns a suppressed figure or an individual response.
 */
export function registerSurveyRoutes(server: Server, deps: SurveyRouteDeps): void {
  const { admin, surveys, idempotencyKeys, roles, logger, now } = deps;

  server.get('/api/survey-templates', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    res.send(200, { templates: surveys.templates });
  });

  server.post('/api/surveys', async (req: Request, res: Response) => {
    const request = admin.keyed(req, res, 'pulse');
    if (!request) return;
    const { key, body } = request;
    const result = await idempotencyKeys.once({ key, route: CREATE_ROUTE, body }, async () => {
      const checked = surveys.check(body);
      const problems = checked.ok ? [] : [...checked.problems];
      // Whoever the pulse is on behalf of sees its results in chat, so they must hold a role.
      if (typeof body.owner === 'string' && body.owner.trim() && !roles.isRoleHolder(body.owner)) {
        problems.push({ field: 'owner', message: `${JSON.stringify(body.owner.trim().slice(0, 80))} is not a comms user or admin (COMMS_USERS or ADMINS)` });
      }
      if (!checked.ok || problems.length) {
        const failure = validationFailure('pulse', problems);
        return { status: failure.status, body: { ...failure.body, details: problems } };
      }
      const wave = await surveys.create(checked.wave);
      return { status: 201, body: waveJson(wave, now()) };
    });
    if (result.status === 201) {
      const wave = await surveys.wave((result.body as { id: number }).id);
      // The wave is saved either way; if queueing fails now, pulse housekeeping queues it within the hour.
      if (wave)
        await surveys.schedule(wave).catch((err: unknown) => logger.warn({ err, surveyId: wave.id }, 'could not queue a pulse yet; housekeeping will retry'));
    }
    if (result.replayed) res.header('Idempotent-Replayed', 'true');
    res.send(result.status, result.body);
  });

  server.get('/api/surveys', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const at = now();
    res.send(200, { surveys: (await surveys.listWaves()).map((w) => waveJson(w, at)) });
  });

  server.get('/api/surveys/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const id = surveyIdFrom(req.params.id);
    const wave = id === undefined ? undefined : await surveys.wave(id);
    if (!wave) {
      notFound(res, req.params.id);
      return;
    }
    res.send(200, waveJson(wave, now()));
  });

  server.get('/api/surveys/:id/results', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const results = await surveys.results(req.params.id);
    if (!results) {
      notFound(res, req.params.id);
      return;
    }
    res.send(200, results);
  });

  server.get('/api/surveys/:id/results.csv', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const results = await surveys.results(req.params.id);
    if (!results) {
      notFound(res, req.params.id);
      return;
    }
    res.sendRaw(200, resultsCsv(results), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="pulse-${results.survey.id}-results.csv"`,
    });
  });
}
