import { createAnswerCard, FEEDBACK_VERB, feedbackThanks, SHOW_ENTRY_VERB } from './createAnswerCard';
import { createSuggestionsCard, NONE_OF_THESE_VERB, NONE_OF_THESE_THANKS } from './createSuggestionsCard';
import { KnowledgeEntry } from '../../knowledge/entry';
import { QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { CardActionRouter } from '../core/cardActionRouter';
import { FeedbackGiven } from './feedbackGiven';

const GONE = 'That entry is no longer in the knowledge base. Try asking your question again.';
const QUESTION_GONE = 'Sorry, I can no longer note that question (it was asked too long ago). Try asking it again.';

/** The shape of a gap reference (a random UUID), so anything else is refused before it is looked up. */
const GAP_REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A "did you mean" card offers at most this many entries. */
const MAX_CHOICES = 3;

/** Registers the answer and "did you mean" cards' buttons: show an entry, "Was this helpful?" and "None of these". */
export function registerKnowledgeCardActions(router: CardActionRouter, answerer: QuestionAnswerer, feedbackGiven?: FeedbackGiven): void {
  router.register(SHOW_ENTRY_VERB, async ({ data, style }) => {
    const reply = typeof data.id === 'string' ? answerer.show(data.id) : undefined;
    if (!reply || reply.kind !== 'answer') return { kind: 'refused', text: GONE, statusCode: 404 };
    return { kind: 'post', card: createAnswerCard(reply.entry, { style, related: reply.related }), note: `Here is ${reply.entry.title}.` };
  });

  router.register(FEEDBACK_VERB, async ({ data, style, context }) => {
    if (typeof data.id !== 'string' || typeof data.helpful !== 'boolean') {
      return { kind: 'refused', text: "Sorry, I couldn't read that feedback.", statusCode: 400 };
    }
    const reply = answerer.show(data.id);
    if (!reply || reply.kind !== 'answer') return { kind: 'refused', text: GONE, statusCode: 404 };
    // One vote per answer: a second press (web chat keeps the buttons; Teams may replay) records nothing and thanks no one again.
    if (await feedbackGiven?.has(context, data.id)) {
      const card = createAnswerCard(reply.entry, { style, related: reply.related, feedback: data.helpful ? 'helpful' : 'not-helpful' });
      return { kind: 'refresh', card, note: 'I already have your feedback on this answer.' };
    }
    await answerer.recordFeedback(data.id, data.helpful, context.activity.channelId);
    await feedbackGiven?.add(context, data.id);
    const card = createAnswerCard(reply.entry, { style, related: reply.related, feedback: data.helpful ? 'helpful' : 'not-helpful' });
    return { kind: 'refresh', card, note: feedbackThanks(data.helpful) };
  });

  router.register(NONE_OF_THESE_VERB, async ({ data, style, context }) => {
    if (typeof data.ref !== 'string' || !GAP_REF.test(data.ref)) return { kind: 'refused', text: "Sorry, I couldn't read that button.", statusCode: 400 };
    if (!(await answerer.recordNoneOfThese(data.ref, context.activity.channelId))) return { kind: 'refused', text: QUESTION_GONE, statusCode: 404 };
    const ids = Array.isArray(data.ids) ? data.ids.filter((id): id is string => typeof id === 'string').slice(0, MAX_CHOICES) : [];
    const entries = ids.map((id) => answerer.entry(id)).filter((e): e is KnowledgeEntry => e !== undefined);
    return { kind: 'refresh', card: createSuggestionsCard(entries, { style, noted: true }), note: NONE_OF_THESE_THANKS };
  });
}
