import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { NEWS_CUE } from '../bot/briefings/briefingSearch';
import { BaseDialog } from './baseDialog';
import { actionStyleFor } from './cards/adaptiveCard';
import { cardActivity } from './cards/cardActivity';
import { createReplyCard } from './cards/createReplyCard';
import { DialogServices } from './dialogServices';

export const ASK_DIALOG = 'askDialog';

/** Options for AskDialog: the question to answer. */
export interface AskOptions {
  question: string;
}

/**
 * Answers one question: an answer card, a course, "did you mean", or "I don't know". It remembers
 * the entry it answered, so a follow-up such as "is there training for that?" can refer to it.
 */
export class AskDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(ASK_DIALOG, services);
    this.addDialog(new WaterfallDialog(`${ASK_DIALOG}.steps`, [this.answerStep.bind(this)]));
    this.initialDialogId = `${ASK_DIALOG}.steps`;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question } = step.options as AskOptions;
    const memory = this.services.conversationMemory;
    const lastEntryId = await memory?.lastEntryId(step.context);
    // Only a news question needs to know who is asking (briefings are for their audience).
    const profile = NEWS_CUE.test(question) ? await this.services.profiles.get(step.context.activity.from.id) : undefined;
    const reply = await this.services.answerer.answer(question, step.context.activity.channelId, { lastEntryId, profile });
    this.services.metrics.answered(reply.kind);
    const style = actionStyleFor(step.context.activity.channelId);
    await step.context.sendActivity(cardActivity(createReplyCard(reply, style, this.services.settings)));
    const topic = reply.kind === 'answer' ? reply.entry.id : reply.kind === 'course' ? reply.related[0]?.id : undefined;
    if (memory && topic) await memory.rememberEntry(step.context, topic);
    return step.endDialog();
  }
}
