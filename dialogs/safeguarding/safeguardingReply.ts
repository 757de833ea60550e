import { TurnContext } from 'botbuilder';
import { QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { ConcernAssessment, ConcernDetector, defaultConcernDetector } from '../../bot/features/safeguarding/concernDetector';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createReplyCard, ReplySettings } from '../glossary/createReplyCard';
import { FOLLOW_UP_LEAD } from './concernFollowUp';
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
 * Checks a typed message and, when it reports a concern, sends the urgent card first and at once;
 * then, if nobody is in danger now and the message also asked something the knowledge base or the
 * training catalogue answers confidently, that answer. Nothing of the message is recorded: only the
 * answered entry's id is counted, and conversation memory is left alone.
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
  const { followUp } = await services.answerer.answerConcern(text, assessment, detector);
  if (followUp) {
    services.metrics.answered(followUp.kind);
    await context.sendActivity(FOLLOW_UP_LEAD);
    await context.sendActivity(cardActivity(createReplyCard(followUp, actionStyleFor(context.activity.channelId), services.settings)));
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
