import { DateTime } from 'luxon';

/** A question the knowledge base could not answer outright, kept (scrubbed) for the content team. */
export interface UnansweredQuestion {
  question: string;
  decision: 'suggest' | 'unknown';
  channel: string;
  at: DateTime;
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
}

/** Keeps feedback in process memory; for tests and tools that need no database. */
export class InMemoryFeedbackLog implements FeedbackLog {
  readonly unanswered: UnansweredQuestion[] = [];
  readonly feedback: AnswerFeedback[] = [];

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    this.unanswered.push(question);
  }

  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    this.feedback.push(feedback);
  }
}
