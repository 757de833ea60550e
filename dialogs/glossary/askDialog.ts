import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import { answerQuestion } from './answerQuestion';
import { BaseDialog } from '../core/baseDialog';
import { DialogServices } from '../core/dialogServices';

export const ASK_DIALOG = 'askDialog';

/** Options for AskDialog: the question to answer. */
export interface AskOptions {
  question: string;
}

/** Answers one question (see answerQuestion), as a dialog the root can begin. */
export class AskDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(ASK_DIALOG, services);
    this.addDialog(new WaterfallDialog(`${ASK_DIALOG}.steps`, [this.answerStep.bind(this)]));
    this.initialDialogId = `${ASK_DIALOG}.steps`;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question } = step.options as AskOptions;
    await answerQuestion(step.context, this.services, question);
    return step.endDialog();
  }
}
