import crypto from 'node:crypto';
import { scrubPersonalDetails } from '../../platform/privacy/scrubPersonalDetails';
import { FeedbackLog, UnansweredQuestion } from '../../platform/store/feedbackLog';

/** The longest question kept for the content team. */
const MAX_GAP_QUESTION = 500;

/** A gap left in the queue this long is recorded anyway, so a caller that forgets to record cannot leave raw questions in memory. */
const SAFETY_DELAY_MS = 1000;

/** A question as the content team may see it: cut to length, with personal details replaced by labels. */
export const gapText = (question: string): string => scrubPersonalDetails(question.slice(0, MAX_GAP_QUESTION));

/** A gap as noted during a reply: the question still unscrubbed, so it lives only in this queue's memory. */
interface NotedGap extends UnansweredQuestion {
  /** Set for a "did you mean" reply, whose "None of these" button carries it instead of the question. */
  ref?: string;
}

/**
 * Content gaps noted while replying, scrubbed and recorded once the reply has gone: finding names
 * is the slowest step of a reply, and nothing unscrubbed may reach the feedback log or a card.
 */
export class ContentGapQueue {
  private noted: NotedGap[] = [];
  private recording: Promise<void> = Promise.resolve();
  private safety?: NodeJS.Timeout;

  constructor(private readonly log: FeedbackLog) {}

  /** Notes a gap without scrubbing it; returns the reference a "None of these" button may carry. */
  note(gap: UnansweredQuestion): string {
    const ref = crypto.randomUUID();
    this.noted.push({ ...gap, ref: gap.decision === 'suggest' ? ref : undefined });
    this.safety ??= setTimeout(() => void this.record().catch(() => undefined), SAFETY_DELAY_MS).unref();
    return ref;
  }

  /** Scrubs and records every gap noted so far, one after another. */
  record(): Promise<void> {
    clearTimeout(this.safety);
    this.safety = undefined;
    const batch = this.noted;
    this.noted = [];
    this.recording = this.recording.catch(() => undefined).then(() => this.recordBatch(batch));
    return this.recording;
  }

  /**
   * Records that none of a "did you mean" reply's entries was right, from the reference its
   * button carried; false when no replica knows the reply (pressed twice, or its gap was deleted).
   */
  async noneOfThese(ref: string, channel: string, at: UnansweredQuestion['at']): Promise<boolean> {
    await this.record();
    // Whichever replica replied recorded the gap with its reference (on the day's row, for a repeat), so the store alone knows it.
    const question = await this.log.claimSuggestion(ref);
    if (question === undefined) return false;
    await this.log.recordUnanswered({ question, decision: 'none-of-these', channel, at });
    return true;
  }

  private async recordBatch(batch: NotedGap[]): Promise<void> {
    for (const { ref, ...gap } of batch) {
      await this.log.recordUnanswered({ ...gap, question: gapText(gap.question), ref });
    }
  }
}
