import { TurnContext } from 'botbuilder';
import { AnswerReply, QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { ConcernAssessment, ConcernDetector, defaultConcernDetector } from '../../bot/features/safeguarding/concernDetector';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createReplyCard, ReplySettings } from '../glossary/createReplyCard';
import { ConcernSource, createUrgentCard } from './createUrgentCard';
import { DialogMetrics } from '../core/dialogServices';
import { submittedTexts } from '../../bot/features/safeguarding/submittedTexts';

export { submittedTexts };

/** What sending the safeguarding reply needs. */
export interface SafeguardingReplyServices {
  settings: ReplySettings;
  metrics: DialogMetrics;
  /** Defaults to the shipped detector. */
  detector?: ConcernDetector;
}

/** Replies worth giving after the contacts: a real answer, never "I don't know" or a list of guesses. */
const USEFUL_AFTER_CONCERN: ReadonlySet<AnswerReply['kind']> = new Set(['answer', 'course', 'briefing']);

const QUESTION_START = /^(what|whats|what's|wat|who|whos|who's|where|when|how|which|why|is there|are there|can|could|do|does|should|define|explain)\b/i;

/**
 * The part of a message that asks something else besides the worry ("what is the LADO number, I'm
 * concerned about a child" -> "what is the LADO number"): the clauses that are questions and are
 * not themselves concerns.
 */
export function questionBesideConcern(text: string, detector: ConcernDetector): string | undefined {
  const clauses = text
    .split(/[.!?\n;]+|,|\s[-\u2013\u2014]\s/)
    .map((c) => c.trim())
    .filter((c) => /[a-z]/i.test(c));
  const asked = text.includes('?') ? clauses.filter((c) => QUESTION_START.test(c) || text.includes(`${c}?`)) : clauses.filter((c) => QUESTION_START.test(c));
  const question = asked.filter((c) => !detector.assess(c).concern).join(' ');
  return question.split(/\s+/).length >= 2 ? question : undefined;
}

/** Sends the urgent card that fits the concern and counts it (by category, never the text). */
export async function sendUrgentCard(
  context: TurnContext,
  services: SafeguardingReplyServices,
  assessment: ConcernAssessment,
  source: ConcernSource,
): Promise<void> {
  await context.sendActivity(
    cardActivity(createUrgentCard(services.settings.safeguarding, { immediate: assessment.immediate, routes: assessment.routes, source })),
  );
  services.metrics.answered('urgent');
  services.metrics.urgentCard?.(assessment.categories[0]);
}

/**
 * Checks a typed message and, when it reports a concern, sends the urgent card first and then, if
 * the message also asked something (and nobody is in danger now), the answer to that. Nothing of
 * the message is recorded: the answer is worked out without the gap log or conversation memory.
 * Returns true when the message was a concern.
 */
export async function replyToConcern(
  context: TurnContext,
  services: SafeguardingReplyServices & { answerer: QuestionAnswerer },
  text: string,
): Promise<boolean> {
  const detector = services.detector ?? defaultConcernDetector();
  const assessment = detector.assess(text);
  if (!assessment.concern) return false;
  await sendUrgentCard(context, services, assessment, 'message');
  if (assessment.immediate) return true;
  const question = questionBesideConcern(text, detector);
  const reply = question ? services.answerer.reply(question) : undefined;
  if (reply && USEFUL_AFTER_CONCERN.has(reply.kind)) {
    await context.sendActivity('And to answer your question:');
    await context.sendActivity(cardActivity(createReplyCard(reply, actionStyleFor(context.activity.channelId), services.settings)));
  }
  return true;
}

/**
 * Checks the free text of any card submission (pulse comments, forms, any Action.Submit or
 * Action.Execute) and shows the urgent card at once when it reports a concern; the submission then
 * carries on as usual. Pulse comments get a note that they stay anonymous and reach nobody quickly.
 */
export async function checkCardSubmission(
  context: TurnContext,
  services: SafeguardingReplyServices,
  verb: unknown,
  data: unknown,
): Promise<ConcernAssessment | undefined> {
  const detector = services.detector ?? defaultConcernDetector();
  for (const text of submittedTexts(data)) {
    const assessment = detector.assess(text);
    if (!assessment.concern) continue;
    const source: ConcernSource = typeof verb === 'string' && verb.startsWith('pulse.') ? 'pulse' : 'form';
    await sendUrgentCard(context, services, assessment, source);
    return assessment;
  }
  return undefined;
}
