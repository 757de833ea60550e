import { DateTime } from 'luxon';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { KnowledgeSearch, MAX_QUESTION_CHARS, ScoredEntry, SearchOutcome } from '../../../knowledge/knowledgeSearch';
import { keyTerms } from '../../../knowledge/normalise';
import { loadCheckedCatalogue } from '../../../knowledge/training/checkedCatalogue';
import { ContentGapQueue } from './contentGapQueue';
import { ConcernAssessment, ConcernDetector, defaultConcernDetector } from '../safeguarding/concernDetector';
import { questionBesideConcern } from '../safeguarding/questionBesideConcern';
import { TrainingFinder, TrainingFinding } from '../training/trainingFinder';
import { CourseListing, describeFilter, SessionFilter } from '../training/upcomingSessions';
import type { Briefing } from '../briefings/briefings';
import type { Profile } from '../../platform/store/profiles';
import { FeedbackLog } from '../../platform/store/feedbackLog';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** One knowledge-base entry given as the answer. */
export interface EntryAnswer {
  kind: 'answer';
  entry: KnowledgeEntry;
  confidence: number;
  related: KnowledgeEntry[];
  truncated: boolean;
}

/** One course with its next sessions and the entry that explains what it is about. */
export interface CourseAnswer {
  kind: 'course';
  listing: CourseListing;
  filter: SessionFilter;
  related: KnowledgeEntry[];
  confidence: number;
  truncated: boolean;
}

/** An answer sure enough to follow the safeguarding contacts: one entry or one course, never a guess or "I don't know". */
export type ConcernFollowUp = EntryAnswer | CourseAnswer;

/** The safeguarding contacts, and after them the answer to what the message asked when there is a confident one. */
export interface UrgentReply {
  kind: 'urgent';
  followUp?: ConcernFollowUp;
}

/** What the bot should say to a question, before it is turned into a card. */
export type AnswerReply =
  | UrgentReply
  | { kind: 'empty' }
  | EntryAnswer
  /** "Did you mean": `gapRef`, set once the gap is noted, is what the "None of these" button carries instead of the question. */
  | { kind: 'suggest'; suggestions: ScoredEntry[]; confidence: number; truncated: boolean; gapRef?: string }
  | { kind: 'unknown'; confidence: number; truncated: boolean }
  | CourseAnswer
  /** Several courses (or none, with a note saying why), e.g. "online courses in March". */
  | { kind: 'courses'; listings: CourseListing[]; more: number; filter: SessionFilter; heading: string; note?: string; confidence: number; truncated: boolean }
  /** A training question whose date cannot be read ("training on the 45th"). */
  | { kind: 'trainingDate'; phrase: string; truncated: boolean }
  /** A live strategy briefing that answers a news question. */
  | { kind: 'briefing'; briefing: Briefing; truncated: boolean };

/** What the conversation has said before, so "is there training for that?" knows what "that" is. */
export interface AnswerContext {
  /** The knowledge-base entry answered last in this conversation. */
  lastEntryId?: string;
  /** Who is asking, so news questions find only briefings meant for them. */
  profile?: Profile;
}

/** Finds the briefing a news question is about ("what's new on the integrated induction?"). */
export interface BriefingFinder {
  prepare(question: string): Promise<void>;
  find(question: string, profile: Profile | undefined): Briefing | undefined;
}

/** Related entries shown under an answer, at most. */
const MAX_RELATED = 4;

/** A question that asks for training outright gets courses unless the glossary is this much surer. */
const GLOSSARY_MARGIN = 0.15;
/** A question that does not ask for training gets a course only when it names one, accounting for this much of it… */
const UNCUED_COVERAGE = 0.8;
/** …and the glossary's answer, if any, is this much less sure and is not the course's own subject. */
const UNCUED_MARGIN = 0.3;

/** Said when a training question matches no course. */
export const NO_COURSE_NOTE = "I couldn't find a course about that in the training catalogue.";
/** Said for "is there training for that?" when nothing has been asked yet. */
export const NEEDS_TOPIC_NOTE = "Which topic do you mean? Ask, for example, 'CAF training' or 'safeguarding courses next month'.";

/** True when a question holds one of an entry's names whole (its title, an alias or an acronym). */
function namesEntry(question: string, entry: KnowledgeEntry): boolean {
  const terms = new Set(keyTerms(question));
  const names = [entry.title, entry.title.replace(/\([^)]*\)/g, ' '), ...entry.aliases, ...entry.acronyms];
  return names.some((name) => {
    const nameTerms = keyTerms(name);
    return nameTerms.length > 0 && nameTerms.every((t) => terms.has(t));
  });
}

/**
 * Turns a staff member's question into a reply: a safeguarding concern first, then the training
 * catalogue and the knowledge search (whichever accounts for the question better), and records
 * what could not be answered so the content team can fill the gap.
 */
export class QuestionAnswerer {
  private readonly training?: TrainingFinder;
  /** Gaps wait here, unscrubbed and in memory only, until `recordGaps()` once the reply has gone. */
  private readonly gaps: ContentGapQueue;

  /**
   * `training` defaults to the shipped catalogue, so every entry point (the bot, `npm run ask`,
   * the evaluation) answers training questions the same way; pass null to leave training out.
   */
  constructor(
    private readonly search: KnowledgeSearch,
    private readonly feedbackLog: FeedbackLog,
    private readonly now: () => DateTime,
    training?: TrainingFinder | null,
    private readonly briefings?: BriefingFinder,
  ) {
    this.training = training === undefined ? new TrainingFinder(loadCheckedCatalogue()) : (training ?? undefined);
    this.gaps = new ContentGapQueue(feedbackLog);
  }

  /**
   * Replies to a question and notes it as a content gap when it could not be answered outright;
   * call `recordGaps()` once the reply has been sent, so the person does not wait for the scrubbing.
   */
  async answer(question: string, channel: string, context: AnswerContext = {}): Promise<AnswerReply> {
    await this.briefings?.prepare(question);
    const reply = this.reply(question, context);
    if (reply.kind === 'urgent') return this.recordConcernReply(reply);
    if (reply.kind === 'answer') await this.feedbackLog.recordAnswered(reply.entry.id);
    const unanswered = reply.kind === 'suggest' || reply.kind === 'unknown' || (reply.kind === 'courses' && reply.listings.length === 0);
    if (!unanswered) return reply;
    const gapRef = this.gaps.note({ question, decision: reply.kind === 'suggest' ? 'suggest' : 'unknown', channel, at: this.now() });
    return reply.kind === 'suggest' ? { ...reply, gapRef } : reply;
  }

  /** Scrubs the gaps noted by `answer()` and records them for the content team. */
  recordGaps(): Promise<void> {
    return this.gaps.record();
  }

  /** Decides the reply to a question without recording anything (the evaluation runs every question through this). */
  reply(question: string, context: AnswerContext = {}): AnswerReply {
    const detector = defaultConcernDetector();
    const concern = detector.assess(question);
    if (concern.concern) return this.urgentReply(question, concern, detector);
    return this.replyToQuestion(question, context);
  }

  /**
   * The reply to a message already found to report a concern, recording only the id of an entry
   * it answers (never the message, which stays out of the gap log and conversation memory).
   */
  async answerConcern(message: string, concern: ConcernAssessment, detector: ConcernDetector = defaultConcernDetector()): Promise<UrgentReply> {
    return this.recordConcernReply(this.urgentReply(message, concern, detector));
  }

  private async recordConcernReply(reply: UrgentReply): Promise<UrgentReply> {
    if (reply.followUp?.kind === 'answer') await this.feedbackLog.recordAnswered(reply.followUp.entry.id);
    return reply;
  }

  /**
   * The contacts, then an answer only when nobody is in danger now and the question beside the
   * worry gets a confident answer, or the whole message does when only the classifier flagged it
   * (a lexicon signal phrase reports a concern, so the message is not itself a knowledge question:
   * "concernd about a yp" must not get the entry on young people). "Did you mean" and "I don't
   * know" would only distract a worried person. The conversation's context is left out, so
   * nothing said before steers what follows a concern.
   */
  private urgentReply(message: string, concern: ConcernAssessment, detector: ConcernDetector): UrgentReply {
    if (concern.immediate) return { kind: 'urgent' };
    const asked = [questionBesideConcern(message, detector), concern.byLexicon ? undefined : message];
    for (const question of asked) {
      const reply = question === undefined ? undefined : this.replyToQuestion(question, {});
      if (reply?.kind === 'answer' || reply?.kind === 'course') return { kind: 'urgent', followUp: reply };
    }
    return { kind: 'urgent' };
  }

  /** The reply to a question that reports no concern: a briefing, the training catalogue or the knowledge search. */
  private replyToQuestion(question: string, context: AnswerContext): AnswerReply {
    if (!/[\p{L}\p{N}]/u.test(question)) return { kind: 'empty' };
    const truncated = question.length > MAX_QUESTION_CHARS;
    const briefing = this.briefings?.find(question.slice(0, MAX_QUESTION_CHARS), context.profile);
    if (briefing) return { kind: 'briefing', briefing, truncated };
    const finding = this.training?.find(question.slice(0, MAX_QUESTION_CHARS), this.now().setZone(LONDON_ZONE), this.trainingContext(context)) ?? {
      kind: 'none',
    };
    if (finding.kind === 'dateProblem') return { kind: 'trainingDate', phrase: finding.phrase, truncated };
    const outcome = this.search.search(question);
    return this.trainingReply(question, finding, outcome, context, truncated) ?? this.glossaryReply(outcome);
  }

  /** Shows one course and its next sessions, as when a "show course" button is pressed. */
  showCourse(courseId: string): AnswerReply | undefined {
    const listing = this.training?.listing(courseId, this.now());
    if (!listing) return undefined;
    return { kind: 'course', listing, filter: {}, related: this.entriesOf(listing.course.relatedEntries), confidence: 1, truncated: false };
  }

  private glossaryReply(outcome: SearchOutcome): AnswerReply {
    const { truncated, topConfidence: confidence } = outcome;
    if (outcome.decision === 'answer' && outcome.answer) {
      const { entry } = outcome.answer;
      return { kind: 'answer', entry, confidence: outcome.answer.confidence, related: this.relatedOf(entry), truncated };
    }
    if (outcome.decision === 'suggest') return { kind: 'suggest', suggestions: outcome.suggestions, confidence, truncated };
    return { kind: 'unknown', confidence, truncated };
  }

  /**
   * The training reply, when the catalogue accounts for the question better than the glossary:
   * a question that asks for training gets courses unless the glossary is clearly surer ("newcastle
   * integrated induction course" is a strategy entry); one that does not ask ("apprenticeships")
   * gets a course only when it names one and the glossary has no good answer.
   */
  private trainingReply(
    question: string,
    finding: TrainingFinding,
    outcome: SearchOutcome,
    context: AnswerContext,
    truncated: boolean,
  ): AnswerReply | undefined {
    const glossary = outcome.decision === 'answer' ? (outcome.answer?.confidence ?? 0) : undefined;
    const heading = 'Training courses';
    switch (finding.kind) {
      case 'none':
      case 'dateProblem':
        return undefined;
      case 'needsTopic':
        return { kind: 'courses', listings: [], more: 0, filter: {}, heading, note: NEEDS_TOPIC_NOTE, confidence: 0, truncated };
      case 'noCourse': {
        // No course for a topic asked: the glossary's answer or its "did you mean" helps more than "no course about that".
        if (!finding.fromContext && outcome.decision !== 'unknown') return undefined;
        const last = finding.fromContext && context.lastEntryId ? this.search.getEntry(context.lastEntryId) : undefined;
        const note = last ? `I couldn't find a course about ${last.title} in the training catalogue.` : NO_COURSE_NOTE;
        return {
          kind: 'courses',
          listings: [],
          more: 0,
          filter: finding.filter,
          heading: finding.about ? `Training ${finding.about}` : heading,
          note,
          confidence: 0,
          truncated,
        };
      }
      case 'found': {
        if (finding.how === 'search') {
          // A question naming one of the glossary's guesses, when that is what the course teaches, is about the subject ("can a TA be the lead professional").
          const subjects = outcome.answer ? [outcome.answer.entry] : outcome.suggestions.map((s) => s.entry);
          const aboutSubject = subjects.some(
            (subject) => namesEntry(question, subject) && finding.listings.some((l) => l.course.relatedEntries.includes(subject.id)),
          );
          const wins = finding.cue
            ? glossary === undefined || glossary < finding.coverage + GLOSSARY_MARGIN
            : finding.named && finding.coverage >= UNCUED_COVERAGE && !aboutSubject && (glossary === undefined || glossary + UNCUED_MARGIN <= finding.coverage);
          if (!wins) return undefined;
        }
        const { listings, filter, more, coverage } = finding;
        if (listings.length === 1 && finding.how !== 'all') {
          const [listing] = listings;
          return { kind: 'course', listing, filter, related: this.entriesOf(listing.course.relatedEntries), confidence: coverage, truncated };
        }
        const about = finding.how === 'context' && context.lastEntryId ? this.search.getEntry(context.lastEntryId) : undefined;
        const title = about ? `Training about ${about.title}` : finding.about ? `Training ${finding.about}` : heading;
        const note = listings.length === 0 ? `No course has ${describeFilter(filter)}.` : undefined;
        return { kind: 'courses', listings, more, filter, heading: title, note, confidence: coverage, truncated };
      }
    }
  }

  /** The last entry and the entries it links to, for "is there training for that?". */
  private trainingContext(context: AnswerContext): { entryIds: string[] } | undefined {
    const entry = context.lastEntryId ? this.search.getEntry(context.lastEntryId) : undefined;
    return entry ? { entryIds: [entry.id, ...entry.related] } : undefined;
  }

  private entriesOf(ids: string[]): KnowledgeEntry[] {
    return ids
      .map((id) => this.search.getEntry(id))
      .filter((e): e is KnowledgeEntry => e !== undefined)
      .slice(0, MAX_RELATED);
  }

  /** Shows one entry by id, as when a related-entry or "did you mean" button is pressed. */
  show(id: string): AnswerReply | undefined {
    const entry = this.search.getEntry(id);
    if (!entry) return undefined;
    return { kind: 'answer', entry, confidence: 1, related: this.relatedOf(entry), truncated: false };
  }

  /** The entry with an id, if there is one. */
  entry(id: string): KnowledgeEntry | undefined {
    return this.search.getEntry(id);
  }

  /**
   * Records that none of a "did you mean" reply's entries answered its question, from the reference
   * its button carried; false when that reply is no longer known (too old, or before a restart).
   */
  recordNoneOfThese(gapRef: string, channel: string): Promise<boolean> {
    return this.gaps.noneOfThese(gapRef, channel, this.now());
  }

  /** Records a "Was this helpful?" vote; false (and nothing recorded) for an unknown entry. */
  async recordFeedback(entryId: string, helpful: boolean, channel: string): Promise<boolean> {
    if (!this.search.getEntry(entryId)) return false;
    await this.feedbackLog.recordFeedback({ entryId, helpful, channel, at: this.now() });
    return true;
  }

  private relatedOf(entry: KnowledgeEntry): KnowledgeEntry[] {
    return this.entriesOf(entry.related);
  }
}
