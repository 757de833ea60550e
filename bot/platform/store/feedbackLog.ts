import { DateTime } from 'luxon';

/**
 * A question the knowledge base could not answer outright, kept (scrubbed) for the content team:
 * it offered choices (`suggest`), did not know (`unknown`), or the person said none of its choices
 * was right (`none-of-these`).
 */
export interface UnansweredQuestion {
  question: string;
  decision: 'suggest' | 'unknown' | 'none-of-these';
  channel: string;
  at: DateTime;
  /** For a "did you mean" gap, the reference its "None of these" button carries. */
  ref?: string;
}

/** A "Was this helpful?" vote on an answer. */
export interface AnswerFeedback {
  entryId: string;
  helpful: boolean;
  channel: string;
  at: DateTime;
}

/** Where answer feedback and content gaps are recorded. */
export interface FeedbackLog {
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
  recordFeedback(feedback: AnswerFeedback): Promise<void>;
  /** Counts an entry given as an answer (no user id), for "most asked" lists. */
  recordAnswered(entryId: string): Promise<void>;
  /** The scrubbed question of the "did you mean" gap with this reference, once only (a second press finds nothing). */
  claimSuggestion(ref: string): Promise<string | undefined>;
}

/** Keeps feedback in process memory; for tests and tools that need no database. */
export class InMemoryFeedbackLog implements FeedbackLog {
  readonly unanswered: UnansweredQuestion[] = [];
  readonly feedback: AnswerFeedback[] = [];
  readonly answered: string[] = [];

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    this.unanswered.push(question);
  }

  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    this.feedback.push(feedback);
  }

  async recordAnswered(entryId: string): Promise<void> {
    this.answered.push(entryId);
  }

  async claimSuggestion(ref: string): Promise<string | undefined> {
    const gap = this.unanswered.find((q) => q.ref === ref);
    if (gap) gap.ref = undefined;
    return gap?.question;
  }
}
