import { Kysely } from 'kysely';
import { isSafeguardingConcern } from '../safeguarding/concernDetector';
import type { Logger } from 'pino';
import { MAX_COMMENT_LENGTH, SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import { AudienceFilter, matchesAudience } from '../audience/audienceFilter';
import { scrubPersonalDetails } from '../../platform/privacy/scrubPersonalDetails';
import type { Engine } from '../../platform/store/migrations/columns';
import type { Profile } from '../../platform/store/profiles';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock, stamp } from '../../platform/store/timestamps';
import { checkAnswers } from './answerValidation';
import { computeResults, SurveyResults } from './computeResults';
import { PulseKeys } from './pulseKeys';
import { PulseQueue, pulseCopies, pulseMessageId } from './pulseSchedule';
import { ActivityIdentity, identifyRespondent, IdentityContext, Respondent, RespondentCheck } from './respondent';
import { SurveyResponses } from './surveyResponses';
import { SurveyWaves } from './surveyWaves';
import { londonDate, Wave, waveStatus } from './wave';
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
  engine: Engine;
  now: Clock;
  /** Keys derived from the server secret: the ledger's, and the one sealing answers until release. */
  keys: PulseKeys;
  /** How respondents are identified: the configured tenant, and verified web chat users' directory ids. */
  identity: IdentityContext;
  /** The identity of someone reached in a personal chat (for reminders), from their conversation record. */
  recipient?: (userId: string) => Promise<Respondent | undefined>;
  /** Where a release that failed after an answer was recorded is reported (the next answer or housekeeping retries it). */
  logger?: Pick<Logger, 'warn'>;
  templates: readonly SurveyTemplate[];
  profiles: { get(userId: string): Promise<Profile | undefined> };
  /** Everyone a filter matches among the identified people the bot can reach (resolveAudience, identified only). */
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
    this.responses = new SurveyResponses(deps.db, deps.keys, deps.engine);
  }

  /** One wave by id, or undefined when there is none. */
  wave(id: number): Promise<Wave | undefined> {
    return this.waves.get(id);
  }

  /** Every wave, as the admin API and the dashboard list them. */
  listWaves(): Promise<Wave[]> {
    return this.waves.list();
  }

  /** Whether an activity comes from identified staff who may answer pulses, and who they are. */
  identify(activity: ActivityIdentity): RespondentCheck {
    return identifyRespondent(activity, this.deps.identity);
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
   * Saves a checked wave (inside the caller's unit of work, if one is open, such as the API's
   * idempotency key); call `schedule` after it commits.
   */
  async create(wave: NewWave): Promise<Wave> {
    return this.waves.create(wave);
  }

  /**
   * Queues the wave's opening cards and reminders with the delivery engine, once: queued waves are
   * marked, and the engine ignores copies it already has. Returns false when there is no engine yet.
   */
  async schedule(wave: Wave): Promise<boolean> {
    const queue = this.deps.queue;
    if (!queue || wave.queuedAt) return Boolean(wave.queuedAt);
    const recipients = await this.deps.audience(wave.audience);
    const copies = pulseCopies(
      wave,
      recipients.map((r) => r.userId),
      this.deps.settings.reminderTime,
    );
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

  /** The ledger keys of a person in a wave: one per stable identity. */
  private participants(wave: Pick<Wave, 'id'>, respondent: Respondent): string[] {
    return respondent.identities.map((identity) => this.deps.keys.participant(wave.id, identity));
  }

  /** Whether this person has answered the wave (false once the wave is final and its ledger emptied). */
  async hasAnswered(wave: Pick<Wave, 'id'>, respondent: Respondent): Promise<boolean> {
    return this.responses.hasAnswered(wave.id, this.participants(wave, respondent));
  }

  /** Whether someone reached in a personal chat has answered (reminders skip them); unknown people have not. */
  async recipientHasAnswered(wave: Pick<Wave, 'id'>, userId: string): Promise<boolean> {
    const respondent = await this.deps.recipient?.(userId);
    return respondent ? this.hasAnswered(wave, respondent) : false;
  }

  /**
   * Whether the wave is meant for this identified person: everyone, or their own settings match its
   * audience, or they were sent its card. Only identified people get here, so settings an
   * anonymous visitor declared never count.
   */
  async isInAudience(wave: Wave, respondent: Respondent, known?: { profile: Profile | undefined }): Promise<boolean> {
    const profile = known ? known.profile : await this.deps.profiles.get(respondent.userId);
    if (matchesAudience(wave.audience, profile)) return true;
    // Called on the queue itself: the delivery engine's method needs its own `this`.
    const queue = this.deps.queue;
    if (!queue?.wasSentTo) return false;
    // A card sent through a chat that installing the app opened, where the Teams id could not be read, stays under the person's directory id.
    for (const recipient of [respondent.userId, ...respondent.identities.filter((i) => i.startsWith('aad:'))])
      if (await queue.wasSentTo(pulseMessageId(wave.id), recipient)) return true;
    return false;
  }

  /** Open waves meant for this person that they have not answered yet ("pulse"). */
  async openPulsesFor(respondent: Respondent): Promise<{ open: Wave[]; answered: number }> {
    const open: Wave[] = [];
    let answered = 0;
    const waves = await this.waves.openAt(this.deps.now());
    // The profile is read once for all open waves, and not at all when none is open.
    const known = waves.length ? { profile: await this.deps.profiles.get(respondent.userId) } : undefined;
    for (const wave of waves) {
      if (!(await this.isInAudience(wave, respondent, known))) continue;
      if (await this.hasAnswered(wave, respondent)) answered++;
      else open.push(wave);
    }
    return { open, answered };
  }

  /**
   * Records one identified person's answers, or says why not, changing nothing: an unknown or
   * tampered survey, not open yet or closed, not in the audience, answered before (under any of
   * their identities), or invalid answers. The ledger rows and the sealed answer are written in
   * one transaction; the answer reaches the figures with the next release of a whole batch.
   */
  async submit(request: { surveyId: unknown; respondent: Respondent; data: Record<string, unknown> }): Promise<SubmitOutcome> {
    const id = surveyIdFrom(request.surveyId);
    const wave = id === undefined ? undefined : await this.waves.get(id);
    if (!wave) return { kind: 'unknownSurvey' };
    const now = this.deps.now();
    const status = waveStatus(wave, now);
    if (status === 'closed') return { kind: 'closed', wave, closedOn: londonDate(wave.closesAt) };
    if (status === 'scheduled') return { kind: 'notYetOpen', wave, opensOn: londonDate(wave.opensAt) };
    const checked = checkAnswers(wave.template, request.data);
    if (!checked.ok && checked.tampered) return { kind: 'tampered', wave };
    const { respondent } = request;
    const profile = await this.deps.profiles.get(respondent.userId);
    if (!(await this.isInAudience(wave, respondent, { profile }))) return { kind: 'notInAudience', wave };
    const participants = this.participants(wave, respondent);
    if (await this.responses.hasAnswered(wave.id, participants)) return { kind: 'duplicate', wave };
    if (!checked.ok) return { kind: 'invalid', wave, errors: checked.errors };
    const outcome = await this.responses.record(wave.id, participants, {
      sector: profile?.sector,
      locality: profile?.locality,
      answers: checked.answers,
      // A comment reporting a safeguarding concern is never kept: the person was shown the contacts instead.
      comment: checked.comment && !isSafeguardingConcern(checked.comment) ? scrubPersonalDetails(checked.comment).slice(0, MAX_COMMENT_LENGTH) : undefined,
    });
    if (outcome !== 'recorded') return { kind: 'duplicate', wave };
    // The answer is safe in the pool; a release that fails now is retried by the next answer or by housekeeping.
    await this.responses
      .releaseIfDue(wave.id, wave.threshold, stamp(now))
      .catch((err: unknown) => this.deps.logger?.warn({ err, surveyId: wave.id }, 'could not release a batch of pulse answers yet'));
    return { kind: 'recorded', wave };
  }

  /** Makes the final release of a wave that has closed (once), so every surface shows the same final figures. */
  private async finaliseIfClosed(wave: Wave): Promise<void> {
    const now = this.deps.now();
    if (waveStatus(wave, now) !== 'closed') return;
    if ((await this.responses.release(wave.id)).finalAt) return;
    await this.responses.finalise(wave.id, wave.threshold, stamp(now));
  }

  /** Final releases for every wave that has closed since housekeeping last ran; returns how many were made. */
  async finishClosedWaves(): Promise<number> {
    const now = this.deps.now();
    let finished = 0;
    for (const id of await this.responses.closedNotFinal(stamp(now))) {
      const wave = await this.waves.get(id);
      if (wave && (await this.responses.finalise(id, wave.threshold, stamp(now)))) finished++;
    }
    return finished;
  }

  /** Releases any wave whose waiting answers reached its threshold but were not released (a release that failed). */
  async releaseDue(): Promise<number> {
    const now = this.deps.now();
    let released = 0;
    for (const wave of await this.waves.openAt(now)) if ((await this.responses.releaseIfDue(wave.id, wave.threshold, stamp(now))) > 0) released++;
    return released;
  }

  /** A wave's results with anonymity enforced, or undefined when there is no such wave. */
  async results(surveyId: unknown): Promise<SurveyResults | undefined> {
    const id = surveyIdFrom(surveyId);
    const wave = id === undefined ? undefined : await this.waves.get(id);
    if (!wave) return undefined;
    await this.finaliseIfClosed(wave);
    const now = this.deps.now();
    const previousWave = await this.waves.previousClosed(wave, now);
    if (previousWave) await this.finaliseIfClosed(previousWave);
    return computeResults({
      wave,
      tally: waveTallyFromCounts(wave.template, await this.responses.tallies(wave.id)),
      comments: await this.responses.comments(wave.id),
      release: { ...(await this.responses.release(wave.id)), waiting: await this.responses.waiting(wave.id) },
      previous: previousWave
        ? { wave: previousWave, tally: waveTallyFromCounts(previousWave.template, await this.responses.tallies(previousWave.id)) }
        : undefined,
      now,
    });
  }

  /** The headline of a wave already in hand (who it is, how many answered, suppressed as in full results), from its tallies alone. */
  async summary(wave: Wave): Promise<Pick<SurveyResults, 'survey' | 'responses' | 'release'>> {
    await this.finaliseIfClosed(wave);
    const tally = waveTallyFromCounts(wave.template, await this.responses.tallies(wave.id));
    const release = { ...(await this.responses.release(wave.id)), waiting: await this.responses.waiting(wave.id) };
    const { survey, responses, release: shown } = computeResults({ wave, tally, comments: [], release, now: this.deps.now() });
    return { survey, responses, release: shown };
  }

  /** Whether someone may see a wave's results: any admin, or the person who started it. */
  canSeeResults(wave: Wave, viewer: ResultsViewer): boolean {
    return viewer.admin || (wave.owner !== undefined && viewer.ids.map((i) => i.toLowerCase()).includes(wave.owner.toLowerCase()));
  }

  /** The waves whose results the viewer may see, newest opening first. */
  async visibleWaves(viewer: ResultsViewer): Promise<Wave[]> {
    return (await this.waves.list()).filter((w) => this.canSeeResults(w, viewer));
  }

  /** One wave, when it exists and the viewer may see its results. */
  async visibleWave(id: number, viewer: ResultsViewer): Promise<Wave | undefined> {
    const wave = await this.waves.get(id);
    return wave && this.canSeeResults(wave, viewer) ? wave : undefined;
  }

  /**
   * Finds the wave "results of <name>" means among those the viewer may see: "#12" or "12" by id,
   * otherwise the newest whose name or template title contains the words.
   */
  async findForViewer(name: string, viewer: ResultsViewer): Promise<{ match?: Wave; visible: Wave[] }> {
    const visible = await this.visibleWaves(viewer);
    const wanted = name
      .trim()
      .toLowerCase()
      .replace(/^(the|my|our)\s+/, '')
      .replace(/\s+(pulse|survey)$/, '');
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
}
