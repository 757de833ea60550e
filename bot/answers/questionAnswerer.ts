import { DateTime } from 'luxon';
import { KnowledgeEntry } from '../../knowledge/entry';
import { KnowledgeSearch, ScoredEntry } from '../../knowledge/knowledgeSearch';
import { scrubPersonalDetails } from '../privacy/scrubPersonalDetails';
import { isSafeguardingConcern } from '../safeguarding/concernDetector';
import { FeedbackLog } from './feedbackLog';

/** What the bot should say to a question, before it is turned into a card. */
export type AnswerReply =
  | { kind: 'urgent' }
  | { kind: 'empty' }
  | { kind: 'answer'; entry: KnowledgeEntry; confidence: number; related: KnowledgeEntry[]; truncated: boolean }
  | { kind: 'suggest'; suggestions: ScoredEntry[]; confidence: number; truncated: boolean }
  | { kind: 'unknown'; confidence: number; truncated: boolean };

/** Related entries shown under an answer, at most. */
const MAX_RELATED = 4;

/**
 * Turns a staff member's question into a reply: a safeguarding concern first, then the knowledge
 * search, and records what could not be answered so the content team can fill the gap.
 */
export class QuestionAnswerer {
  constructor(
    private readonly search: KnowledgeSearch,
    private readonly feedbackLog: FeedbackLog,
    private readonly now: () => DateTime,
  ) {}

  async answer(question: string, channel: string): Promise<AnswerReply> {
    if (isSafeguardingConcern(question)) return { kind: 'urgent' };
    if (!/[\p{L}\p{N}]/u.test(question)) return { kind: 'empty' };
    const outcome = this.search.search(question);
    if (outcome.decision === 'answer' && outcome.answer) {
      const { entry, confidence } = outcome.answer;
      return { kind: 'answer', entry, confidence, related: this.relatedOf(entry), truncated: outcome.truncated };
    }
    await this.feedbackLog.recordUnanswered({
      question: scrubPersonalDetails(question.slice(0, 500)),
      decision: outcome.decision === 'suggest' ? 'suggest' : 'unknown',
      channel,
      at: this.now(),
    });
    const { truncated, topConfidence: confidence } = outcome;
    if (outcome.decision === 'suggest') return { kind: 'suggest', suggestions: outcome.suggestions, confidence, truncated };
    return { kind: 'unknown', confidence, truncated };
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

  /** Records a "Was this helpful?" vote; false (and nothing recorded) for an unknown entry. */
  async recordFeedback(entryId: string, helpful: boolean, channel: string): Promise<boolean> {
    if (!this.search.getEntry(entryId)) return false;
    await this.feedbackLog.recordFeedback({ entryId, helpful, channel, at: this.now() });
    return true;
  }

  private relatedOf(entry: KnowledgeEntry): KnowledgeEntry[] {
    return entry.related
      .map((id) => this.search.getEntry(id))
      .filter((e): e is KnowledgeEntry => e !== undefined)
      .slice(0, MAX_RELATED);
  }
}
