import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
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

/** Answers one question from the knowledge base: an answer card, "did you mean", or "I don't know". */
export class AskDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(ASK_DIALOG, services);
    this.addDialog(new WaterfallDialog(`${ASK_DIALOG}.steps`, [this.answerStep.bind(this)]));
    this.initialDialogId = `${ASK_DIALOG}.steps`;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question } = step.options as AskOptions;
    const reply = await this.services.answerer.answer(question, step.context.activity.channelId);
    this.services.metrics.answered(reply.kind);
    const style = actionStyleFor(step.context.activity.channelId);
    await step.context.sendActivity(cardActivity(createReplyCard(reply, style, this.services.settings)));
    return step.endDialog();
  }
}
