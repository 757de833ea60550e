import { Kysely } from 'kysely';
import { MAX_COMMENT_LENGTH, SurveyTemplate } from '../../knowledge/surveys/surveyTemplate';
import { AudienceFilter, matchesAudience } from '../audience/audienceFilter';
import { scrubPersonalDetails } from '../privacy/scrubPersonalDetails';
import type { Profile } from '../store/profiles';
import { DatabaseSchema } from '../store/schema';
import { Clock } from '../store/timestamps';
import { checkAnswers } from './answerValidation';
import { computeResults, SurveyResults } from './computeResults';
import { newWaveSecret, participantKey } from './participantKey';
import { PulseQueue, pulseCopies, pulseMessageId } from './pulseSchedule';
import { SurveyResponses } from './surveyResponses';
import { SurveyWaves } from './surveyWaves';
import { londonDate, londonDay, Wave, waveStatus } from './wave';
import { waveTallyFromCounts } from './waveTally';
import { checkWaveRequest, NewWave, WaveRequestCheck } from './waveRequest';

/** What happened to a submission; every outcome but `recorded` changed nothing. */
export type SubmitOutcome =
  | { kind: 'recorded'; wave: Wave }
  | { kind: 'invalid'; wave: Wave; errors: string[] }
  | { kind: 'duplicate'; wave: Wave }
  | { kind: 'closed'; wave: Wave; closedOn: string }
  | { kind: 'notYetOpen'; wave: Wave; opensOn: string }
  | { kind: 'notInAudience'; wave: Wave }
  | { kind: 'unknownSurvey' }
  | { kind: 'tampered'; wave: Wave };

/** Who is asking for results: every id they go by, and whether they are an admin. */
export interface ResultsViewer {
  ids: string[];
  admin: boolean;
}

/** Settings pulses read. */
export interface SurveySettings {
  /** The anonymity threshold a wave gets when none is given (5 unless configured). */
  defaultThreshold: number;
  /** HH:mm in Europe/London that reminders are queued for on each reminder day. */
  reminderTime: string;
}

/** What the survey service is built from (by the composition root, or a test). */
export interface SurveyServiceDependencies {
  db: Kysely<DatabaseSchema>;
  now: Clock;
  templates: readonly SurveyTemplate[];
  profiles: { get(userId: string): Promise<Profile | undefined> };
  /** Everyone a filter matches among the people the bot can reach (resolveAudience). */
  audience: (filter: AudienceFilter) => Promise<{ userId: string }[]>;
  settings: SurveySettings;
  /** The delivery engine; without it waves are saved but not queued until it is there. */
  queue?: PulseQueue;
}

/** Reads a survey id from a card or a URL: a positive whole number, or undefined. */
export function surveyIdFrom(value: unknown): number | undefined {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * Pulse surveys as the bot, the admin API and the delivery engine use them: start a wave from a
 * template, record anonymous answers once per person, tell who still needs a reminder, and
 * compute results with anonymity enforced. No bot framework types: plain inputs, plain results.
 */
export class SurveyService {
  readonly waves: SurveyWaves;
  readonly responses: SurveyResponses;

  constructor(private readonly deps: SurveyServiceDependencies) {
    this.waves = new SurveyWaves(deps.db, deps.now);
    this.responses = new SurveyResponses(deps.db);
  }

  /** The templates a wave can be started from. */
  get templates(): readonly SurveyTemplate[] {
    return this.deps.templates;
  }

  get settings(): SurveySettings {
    return this.deps.settings;
  }

  /** Checks a request to start a wave (API body or chat form) against the templates and the clock. */
  check(request: unknown): WaveRequestCheck {
    return checkWaveRequest(request, { templates: this.deps.templates, now: this.deps.now(), ...this.deps.settings });
  }

  /** How many people a filter reaches now (for the confirmation before starting a wave). */
  async audienceSize(filter: AudienceFilter): Promise<number> {
    return (await this.deps.audience(filter)).length;
  }

  /**
   * Saves a checked wave with a new secret. Pass a transaction to save it together with other
   * writes (the API's idempotency key); then call `schedule` after it commits.
   */
  async create(wave: NewWave, db: Kysely<DatabaseSchema> = this.deps.db): Promise<Wave> {
    return new SurveyWaves(db, this.deps.now).create(wave, newWaveSecret());
  }

  /**
   * Queues the wave's opening cards and reminders with the delivery engine, once: queued waves are
   * marked, and the engine ignores copies it already has. Returns false when there is no engine yet.
   */
  async schedule(wave: Wave): Promise<boolean> {
    const queue = this.deps.queue;
    if (!queue || wave.queuedAt) return Boolean(wave.queuedAt);
    const recipients = await this.deps.audience(wave.audience);
    const copies = pulseCopies(wave, recipients.map((r) => r.userId), this.deps.settings.reminderTime);
    const result = await queue.enqueue(copies);
    // Every person gets the same number of copies, and the reachable ones were queued (or were already).
    const perPerson = recipients.length ? copies.length / recipients.length : 1;
    await this.waves.markQueued(wave.id, Math.round((result.queued + result.duplicates) / perPerson));
    return true;
  }

  /** Queues every wave that was saved but not queued (after a crash between the two, or before delivery was available). */
  async scheduleUnqueued(): Promise<number> {
    let queued = 0;
    for (const wave of await this.waves.unqueued()) if (await this.schedule(wave)) queued++;
    return queued;
  }

  /** Whether this person has answered the wave (false once the ledger can no longer be linked). */
  async hasAnswered(wave: Pick<Wave, 'id'>, userId: string): Promise<boolean> {
    const secret = await this.waves.secretOf(wave.id);
    return secret ? this.responses.hasAnswered(wave.id, participantKey(secret, userId)) : false;
  }

  /** Whether the wave is meant for this person: their profile matches its audience, or they were sent its card. */
  async isInAudience(wave: Wave, userId: string, known?: { profile: Profile | undefined }): Promise<boolean> {
    const profile = known ? known.profile : await this.deps.profiles.get(userId);
    if (matchesAudience(wave.audience, profile)) return true;
    return (await this.deps.queue?.wasSentTo?.(pulseMessageId(wave.id), userId)) ?? false;
  }

  /** Open waves meant for this person that they have not answered yet ("pulse"). */
  async openPulsesFor(userId: string): Promise<{ open: Wave[]; answered: number }> {
    const open: Wave[] = [];
    let answered = 0;
    const waves = await this.waves.openAt(this.deps.now());
    // The profile is read once for all open waves, and not at all when none is open.
    const known = waves.length ? { profile: await this.deps.profiles.get(userId) } : undefined;
    for (const wave of waves) {
      if (!(await this.isInAudience(wave, userId, known))) continue;
      if (await this.hasAnswered(wave, userId)) answered++;
      else open.push(wave);
    }
    return { open, answered };
  }

  /**
   * Records one person's answers, or says why not, changing nothing: an unknown or tampered
   * survey, not open yet or closed, not in the audience, answered before, or invalid answers.
   * The ledger row and the response are written in one transaction.
   */
  async submit(request: { surveyId: unknown; userId: string; data: Record<string, unknown> }): Promise<SubmitOutcome> {
    const id = surveyIdFrom(request.surveyId);
    const found = id === undefined ? undefined : await this.waves.getWithSecret(id);
    if (!found) return { kind: 'unknownSurvey' };
    const { wave, secret } = found;
    const now = this.deps.now();
    const status = waveStatus(wave, now);
    if (status === 'closed') return { kind: 'closed', wave, closedOn: londonDate(wave.closesAt) };
    if (status === 'scheduled') return { kind: 'notYetOpen', wave, opensOn: londonDate(wave.opensAt) };
    const checked = checkAnswers(wave.template, request.data);
    if (!checked.ok && checked.tampered) return { kind: 'tampered', wave };
    if (!secret) return { kind: 'closed', wave, closedOn: londonDate(wave.closesAt) };
    const profile = await this.deps.profiles.get(request.userId);
    if (!(await this.isInAudience(wave, request.userId, { profile }))) return { kind: 'notInAudience', wave };
    const participant = participantKey(secret, request.userId);
    if (await this.responses.hasAnswered(wave.id, participant)) return { kind: 'duplicate', wave };
    if (!checked.ok) return { kind: 'invalid', wave, errors: checked.errors };
    const outcome = await this.responses.record({
      surveyId: wave.id,
      participant,
      date: londonDay(now),
      sector: profile?.sector,
      locality: profile?.locality,
      answers: checked.answers,
      comment: checked.comment ? scrubPersonalDetails(checked.comment).slice(0, MAX_COMMENT_LENGTH) : undefined,
    });
    return outcome === 'recorded' ? { kind: 'recorded', wave } : { kind: 'duplicate', wave };
  }

  /** A wave's results with anonymity enforced, or undefined when there is no such wave. */
  async results(surveyId: unknown): Promise<SurveyResults | undefined> {
    const id = surveyIdFrom(surveyId);
    const wave = id === undefined ? undefined : await this.waves.get(id);
    if (!wave) return undefined;
    const now = this.deps.now();
    const previousWave = await this.waves.previousClosed(wave, now);
    return computeResults({
      wave,
      tally: waveTallyFromCounts(wave.template, await this.responses.tallies(wave.id)),
      comments: await this.responses.comments(wave.id),
      previous: previousWave ? { wave: previousWave, tally: waveTallyFromCounts(previousWave.template, await this.responses.tallies(previousWave.id)) } : undefined,
      now,
    });
  }

  /** The headline of a wave already in hand (who it is, how many answered, suppressed as in full results), from its tallies alone. */
  async summary(wave: Wave): Promise<Pick<SurveyResults, 'survey' | 'responses'>> {
    const tally = waveTallyFromCounts(wave.template, await this.responses.tallies(wave.id));
    const { survey, responses } = computeResults({ wave, tally, comments: [], now: this.deps.now() });
    return { survey, responses };
  }

  /** Whether someone may see a wave's results: any admin, or the person who started it. */
  canSeeResults(wave: Wave, viewer: ResultsViewer): boolean {
    return viewer.admin || (wave.owner !== undefined && viewer.ids.map((i) => i.toLowerCase()).includes(wave.owner.toLowerCase()));
  }

  /**
   * Finds the wave "results of <name>" means among those the viewer may see: "#12" or "12" by id,
   * otherwise the newest whose name or template title contains the words.
   */
  async findForViewer(name: string, viewer: ResultsViewer): Promise<{ match?: Wave; visible: Wave[] }> {
    const visible = (await this.waves.list()).filter((w) => this.canSeeResults(w, viewer));
    const wanted = name.trim().toLowerCase().replace(/^(the|my|our)\s+/, '').replace(/\s+(pulse|survey)$/, '');
    const byId = /^(?:#|pulse\s*#?|survey\s*#?)?(\d{1,12})$/.exec(wanted);
    if (byId) return { match: visible.find((w) => w.id === Number(byId[1])), visible };
    const words = wanted.split(/\s+/).filter(Boolean);
    if (!words.length) return { visible };
    const match = visible.find((w) => {
      const haystack = `${w.name} ${w.template.title} ${w.templateId}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    return { match, visible };
  }

  /** Destroys the secrets of waves that closed more than `days` ago; their ledgers can no longer be linked to anyone. */
  async destroyExpiredSecrets(days: number): Promise<number> {
    return this.waves.destroySecretsClosedBefore(this.deps.now().minus({ days }));
  }
}
