import { Request, Server } from 'restify';
import { actionStyleFor } from '../../../dialogs/cards/adaptiveCard';
import { cardMessage } from '../../../dialogs/cards/cardActivity';
import { createBriefingCard } from '../../../dialogs/briefings/createBriefingCard';
import { createPulseCard } from '../../../dialogs/surveys/createPulseCard';
import { formatLondonDateTime } from '../../../dialogs/cards/londonTime';
import { COUNCIL_OPTIONS, ROLES, SECTORS, TOPICS } from '../../../knowledge/workforce';
import { AudienceFilter, AudienceNames, describeAudience } from '../../features/audience/audienceFilter';
import { countAudience, resolveAudience } from '../../features/audience/resolveAudience';
import { validationFailure } from '../../platform/http/validationFailure';
import type { Services } from '../../app/services';
import { idempotencyKeyProblem } from '../../platform/store/idempotencyKeys';
import { resolvePulseAudience } from '../../features/audience/pulseAudience';
import { DashboardAccess, DashboardViewer } from '../dashboardAccess';
import { AudienceCount, formCount } from './audienceCount';
import { draftAsBriefing } from '../../features/briefings/briefings';
import { audienceWords, checkAudience, checkDraft, CheckedDraft } from './authoringDrafts';
import { dashboardJsonRoutes } from '../dashboardJsonRoute';
import { findTestTarget, openRosterChat, sendTestCopy } from './testCopy';

/** A JSON answer: status and body. */
interface Answer {
  status: number;
  body: unknown;
}

const bodyOf = (req: Request): unknown => req.body;

/** The card staff will see for a checked draft, with its plain-text fallback (web chat style: the preview runs outside Teams). */
function previewCard(checked: Extract<CheckedDraft, { ok: true }>, test: boolean, channelId: string) {
  const style = actionStyleFor(channelId);
  if (checked.kind === 'briefing') return createBriefingCard(draftAsBriefing(checked.draft), { style, test });
  const card = createPulseCard({ id: 0, template: checked.wave.template, closesAt: checked.wave.closesAt }, { style });
  if (test) card.text = `TEST \u2014 ${card.text}`;
  return card;
}

/**
 * The dashboard's authoring routes for comms users and admins: the picker's options, the live
 * audience count, a preview of the card, a test copy to the author, and creating a briefing or
 * pulse (with an Idempotency-Key, so pressing "Confirm" twice never sends twice). Every POST must
 * be JSON from the dashboard's own page, and every draft passes the chat's and the API's validators.
 */
export function registerAuthoringRoutes(server: Server, services: Services, access: DashboardAccess): void {
  const { store, briefings, surveys, now, config } = services;
  const tenantId = config.microsoftApp.tenantId;
  const checks = { now, checkPulse: (request: unknown) => surveys.check(request) };
  // The same resolution briefings and pulses are queued with; pulses reach identified people only.
  const audienceStore = { ...store, directory: services.directory.audience };
  const resolve = (kind: 'briefing' | 'pulse', audience: AudienceFilter, includeUnreachable = false) =>
    kind === 'briefing'
      ? resolveAudience(audience, audienceStore, { includeUnreachable })
      : resolvePulseAudience(audience, audienceStore, tenantId, { includeUnreachable });
  const count = async (kind: 'briefing' | 'pulse', audience: AudienceFilter): Promise<AudienceCount> =>
    formCount(countAudience(await resolve(kind, audience, true)));
  // Groups and channels are described by name wherever the form shows an audience in words.
  const names = async (): Promise<AudienceNames> => {
    const channels = new Map<string, string>();
    const teams = new Map((await store.rosters.activeTeams()).map((t) => [t.teamId, t.name ?? t.teamId]));
    for (const c of await store.rosters.channels()) channels.set(`${c.teamId}|${c.channelId}`, `${teams.get(c.teamId) ?? c.teamId}: ${c.name}`);
    return { groups: await services.directory.people.groupNames(), channels };
  };

  const handle = dashboardJsonRoutes(server, access);

  const failed = (what: string, problems: { field: string; message: string }[]): Answer => validationFailure(what, problems);

  handle('get', '/dashboard/api/authoring/options', async () => {
    const channels = await store.rosters.channels();
    const teams = (await store.rosters.activeTeams()).map((t) => ({
      id: t.teamId,
      name: t.name ?? t.teamId,
      generalChannelId: t.generalChannelId,
      // Every channel read from the team (General first), so a briefing can go to a chosen one.
      channels: channels.filter((c) => c.teamId === t.teamId).map((c) => ({ id: c.channelId, name: c.name })),
    }));
    return {
      status: 200,
      body: {
        sectors: SECTORS.map(({ id, label }) => ({ id, label })),
        roles: ROLES.map(({ id, label }) => ({ id, label })),
        authorities: COUNCIL_OPTIONS,
        topics: TOPICS,
        teams,
        // Entra groups the directory sync has read, by their display name (the id where Graph gave none) and size.
        groups: (await services.directory.people.groups())
          .filter((g) => !g.problem)
          .map((g) => ({ id: g.groupId, name: `${g.displayName ?? g.groupId} (${g.members} ${g.members === 1 ? 'member' : 'members'})` })),
        templates: surveys.templates.map((t) => ({ id: t.id, title: t.title, questions: t.questions.map((q) => q.text) })),
        zone: 'Europe/London',
        now: now().toFormat("yyyy-LL-dd'T'HH:mm"),
        defaultThreshold: surveys.settings.defaultThreshold,
      },
    };
  });

  handle('post', '/dashboard/api/audience/count', async (_viewer, req) => {
    const body = (bodyOf(req) ?? {}) as Record<string, unknown>;
    const kind = body.kind === 'pulse' ? 'pulse' : 'briefing';
    const audience = checkAudience(body.audience);
    if (!audience.ok) return failed('audience', audience.problems);
    return { status: 200, body: { ...(await count(kind, audience.audience)), audience: describeAudience(audience.audience, await names()) } };
  });

  handle('post', '/dashboard/api/authoring/preview', async (_viewer, req) => {
    const checked = checkDraft(bodyOf(req), checks);
    if (!checked.ok) return failed('draft', checked.problems);
    const card = previewCard(checked, false, 'webchat');
    const audience = checked.kind === 'briefing' ? checked.draft.audience : checked.wave.audience;
    const when = checked.kind === 'briefing' ? checked.draft.publishAt : checked.wave.opensAt;
    return {
      status: 200,
      body: {
        kind: checked.kind,
        card: card.card,
        text: card.text,
        audience: audienceWords(checked, await names()),
        count: await count(checked.kind, audience),
        sendsAt: formatLondonDateTime(when),
        sendsNow: when <= now().plus({ minutes: 1 }),
        notes: checked.notes,
      },
    };
  });

  handle('post', '/dashboard/api/authoring/test', async (viewer, req) => {
    const body = bodyOf(req) as Record<string, unknown> | undefined;
    const checked = checkDraft(body, checks);
    if (!checked.ok) return failed('draft', checked.problems);
    const connector = { sender: services.connector, pace: (tenant: string, key: string) => services.delivery.paceConnectorCall(tenant, key) };
    const target = await findTestTarget(viewer, body?.to, {
      chats: () => store.conversations.activePersonalChats(),
      rosterMembers: () => store.rosters.reachableMembers(),
      openChat: (member) => openRosterChat({ ...connector, save: (record) => store.conversations.upsert(record) }, member),
    });
    if (!target.ok) return { status: 409, body: { error: 'NoChat', message: target.message } };
    const sent = await sendTestCopy(connector, target.chat, cardMessage(previewCard(checked, true, 'msteams')));
    return sent.ok
      ? { status: 200, body: { sent: true, message: 'A test copy is in your personal chat with the bot.' } }
      : { status: 502, body: { error: 'NotSent', message: sent.message } };
  });

  const create = async (viewer: DashboardViewer, req: Request, kind: 'briefing' | 'pulse'): Promise<Answer> => {
    const key = req.header('idempotency-key');
    const keyProblem = idempotencyKeyProblem(key);
    if (keyProblem) return { status: 400, body: { error: 'BadRequest', message: keyProblem } };
    const body = bodyOf(req);
    // Checked and counted before the transaction, so it stays short (on SQLite it holds the only connection).
    const checked = checkDraft(body, checks);
    const size = checked.ok && checked.kind === 'briefing' ? (await count('briefing', checked.draft.audience)).inAudience : 0;
    const result = await services.idempotencyKeys.once({ key: key!, route: `POST /dashboard/api/authoring/${kind}s`, body }, async () => {
      if (!checked.ok) return failed(kind, checked.problems);
      if (checked.kind !== kind) return failed(kind, [{ field: 'kind', message: `This address creates a ${kind}.` }]);
      if (checked.kind === 'briefing') {
        if (size === 0) return { status: 422, body: { error: 'EmptyAudience', message: 'Nobody matches this audience yet. Nothing was created.' } };
        const id = await briefings.create(checked.draft, `dashboard:${viewer.ids[0]}`);
        return { status: 201, body: { id, recipients: size, sendsAt: formatLondonDateTime(checked.draft.publishAt), notes: checked.notes } };
      }
      const owner = viewer.via === 'teams' ? { owner: viewer.ids[0], ownerName: viewer.name } : {};
      const wave = await surveys.create({ ...checked.wave, ...owner });
      return {
        status: 201,
        body: { id: wave.id, name: wave.name, opensAt: formatLondonDateTime(wave.opensAt), closesAt: formatLondonDateTime(wave.closesAt) },
      };
    });
    const id = result.status === 201 ? (result.body as { id: number }).id : undefined;
    // Queued after the transaction commits; start-up and housekeeping finish anything cut short.
    if (id !== undefined && kind === 'briefing') await briefings.publishIfUnfinished(id);
    if (id !== undefined && kind === 'pulse') {
      const wave = await surveys.wave(id);
      if (wave)
        await surveys
          .schedule(wave)
          .catch((err: unknown) => services.logger.warn({ err, surveyId: id }, 'could not queue a pulse yet; housekeeping will retry'));
    }
    return { status: result.status, body: result.body };
  };
  handle('post', '/dashboard/api/authoring/briefings', (viewer, req) => create(viewer, req, 'briefing'));
  handle('post', '/dashboard/api/authoring/pulses', (viewer, req) => create(viewer, req, 'pulse'));
}
