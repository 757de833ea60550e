import { expect } from 'chai';
import { checkBriefing } from '../../../bot/features/briefings/briefingInput';
import type { Services } from '../../../bot/app/services';
import { reachableUser } from '../../helpers/testDelivery';
import { teamsRespondent } from '../features/surveys/surveyTestServices';

/** The comms user who started the seeded pulses (their AAD object id). */
export const COMMS_AAD = 'aad-comms-dashboard';
/** Someone else on the comms team, who started one pulse of their own. */
export const OTHER_COMMS_AAD = 'aad-other-comms';

/** Fourteen staff: six in health, five in education, three in youth; alternately in Charnwood and Melton. */
export const STAFF = Array.from({ length: 14 }, (_, i) => ({
  userId: `29:dash-staff-${i + 1}`,
  sector: i < 6 ? 'health' : i < 11 ? 'education' : 'youth',
  locality: i % 2 === 0 ? 'Charnwood' : 'Melton',
}));

/** What the seed made, for the tests to check the dashboard against. */
export interface Seeded {
  /** Closed in October with 6 answers, 5 released: the baseline of the November trend. */
  october: number;
  /** Open, 11 answers, 10 released (two batches of five): figures, trend, segments and comments shown. */
  november: number;
  /** Open, 4 responses: everything suppressed ("fewer than 5 responses so far"). */
  induction: number;
  /** Started by another comms user: only admins see it. */
  othersPulse: number;
  /** Sent to everyone; five acknowledged. */
  sentBriefing: number;
  /** Publishes tomorrow: every copy still waiting. */
  scheduledBriefing: number;
}

/** The wellbeing pulse's answers as its card sends them. */
const wellbeing = (rating: number, recommend: number, comment?: string) => ({
  'q.workload': String(rating),
  'q.manager-support': String(Math.min(5, rating + 1)),
  'q.supervision': String(rating),
  'q.valued': String(Math.max(1, rating - 1)),
  'q.wellbeing': String(rating),
  'q.recommend': String(recommend),
  ...(comment ? { 'q.comment': comment } : {}),
});

const induction = (useful: number) => ({ 'q.completed-in-three-months': 'yes', 'q.induction-route': 'integrated-induction', 'q.usefulness': String(useful) });

/** Starts a wave through the survey service (checked like the admin API does), queued for its audience. */
async function startWave(services: Services, request: Record<string, unknown>): Promise<number> {
  const checked = services.surveys.check(request);
  if (!checked.ok) throw new Error(`the seed wave is not valid: ${JSON.stringify(checked.problems)}`);
  const wave = await services.surveys.create(checked.wave);
  await services.surveys.schedule(wave);
  return wave.id;
}

/** Records answers through the same path a card submission takes, checking each was recorded. */
async function answer(services: Services, surveyId: number, people: number[], data: (i: number) => Record<string, unknown>): Promise<void> {
  for (const i of people) {
    const outcome = await services.surveys.submit({ surveyId, respondent: teamsRespondent(STAFF[i].userId), data: data(i) });
    expect(outcome.kind, `answer from staff ${i}`).to.equal('recorded');
  }
}

async function publishBriefing(services: Services, input: Record<string, unknown>): Promise<number> {
  const checked = checkBriefing(input, services.now(), 'Europe/London');
  if (!checked.ok) throw new Error(`the seed briefing is not valid: ${checked.errors.join('; ')}`);
  const id = await services.briefings.create(checked.draft, COMMS_AAD);
  await services.briefings.publish(id);
  return id;
}

/**
 * Fills a running bot's store the way real use would: staff with personal chats (whose messages
 * go to `serviceUrl`) and profiles, pulse waves answered through the survey service's submit path,
 * briefings delivered by the delivery engine, unanswered questions and answer feedback. `setClock`
 * moves the bot's injected clock (October for the closed wave, then Monday 23 November 2026).
 */
export async function seedDashboard(services: Services, serviceUrl: string, setClock: (iso: string) => void): Promise<Seeded> {
  for (const s of STAFF) {
    // Identified Teams users (an AAD object id in the bot's own tenant, when one is set), as pulses reach only identified people.
    await reachableUser(services.store, s.userId, serviceUrl, services.config.microsoftApp.tenantId ?? 'tenant-1', s.userId.replace('29:', ''));
    await services.store.profiles.save({ userId: s.userId, sector: s.sector, locality: s.locality, topics: [] });
  }

  setClock('2026-10-05T09:30:00');
  const october = await startWave(services, {
    template: 'wellbeing-pulse',
    name: 'Wellbeing, October',
    audience: { everyone: true },
    closes_at: '2026-10-12T17:00',
    owner: COMMS_AAD,
  });
  await answer(services, october, [0, 1, 2, 3, 4, 5], (i) => wellbeing(i % 2 ? 3 : 2, 6 + (i % 3)));

  setClock('2026-11-23T09:30:00');
  const november = await startWave(services, {
    template: 'wellbeing-pulse',
    name: 'Wellbeing, November',
    audience: { everyone: true },
    closes_at: '2026-11-30T17:00',
    owner: COMMS_AAD,
  });
  const comments = [
    'More time for supervision, please',
    'Caseloads are heavy this winter',
    'The new induction was good',
    'Parking at the hub is hard',
    'Thank you for asking',
  ];
  await answer(services, november, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], (i) => wellbeing(i < 6 ? 4 : 3 + (i % 3), i < 6 ? 9 : 5 + (i % 5), comments[i]));
  const inductionWave = await startWave(services, {
    template: 'induction-feedback',
    name: 'Induction feedback, November',
    audience: { everyone: true },
    closes_at: '2026-12-04T17:00',
    owner: COMMS_AAD,
  });
  await answer(services, inductionWave, [0, 3, 6, 9], (i) => induction(3 + (i % 3)));
  const othersPulse = await startWave(services, {
    template: 'wellbeing-pulse',
    name: 'Youth service wellbeing',
    audience: { sectors: ['youth'] },
    closes_at: '2026-12-04T17:00',
    owner: OTHER_COMMS_AAD,
  });

  const sentBriefing = await publishBriefing(services, {
    title: 'Integrated induction changes',
    summary: 'From January the integrated induction covers CAF and the lead professional role.',
    topics: ['training'],
  });
  const scheduledBriefing = await publishBriefing(services, {
    title: 'Training catalogue 2027',
    summary: 'The new catalogue is out tomorrow.',
    audience: { sectors: ['education'] },
    publish_at: '2026-11-24T09:00',
    topics: ['training'],
  });
  await services.delivery.drain();
  for (const s of STAFF.slice(0, 5)) expect(await services.briefings.acknowledge(sentBriefing, s.userId), `acknowledged by ${s.userId}`).to.equal(true);

  const at = services.now();
  for (const [question, times] of [
    ['how do I claim mileage for home visits', 3],
    ['what is the pedagogue allowance', 2],
    ['who runs the youth club rota', 1],
  ] as const) {
    for (let n = 0; n < times; n++) await services.store.feedback.recordUnanswered({ question, decision: 'unknown', channel: 'msteams', at });
  }
  for (const [entryId, helpful] of [
    ['caf', false],
    ['caf', false],
    ['caf', true],
    ['camhs', false],
    ['retired-entry', false],
  ] as const) {
    await services.store.feedback.recordFeedback({ entryId, helpful, channel: 'msteams', at });
  }
  return { october, november, induction: inductionWave, othersPulse, sentBriefing, scheduledBriefing };
}
