import { ConfirmPrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import { BaseDialog } from '../core/baseDialog';
import { DialogServices } from '../core/dialogServices';

export const RECALL_BRIEFING_DIALOG = 'recallBriefingDialog';
const CONFIRM = `${RECALL_BRIEFING_DIALOG}.confirm`;

/** Options: the briefing to recall. */
export interface RecallBriefingOptions {
  briefingId: number;
}

/** "Recall briefing …": confirms, then stops pending copies and deletes sent cards where the channel allows. */
export class RecallBriefingDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(RECALL_BRIEFING_DIALOG, services);
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(`${RECALL_BRIEFING_DIALOG}.steps`, [this.askStep.bind(this), this.recallStep.bind(this)]));
    this.initialDialogId = `${RECALL_BRIEFING_DIALOG}.steps`;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { briefingId } = step.options as RecallBriefingOptions;
    const report = await this.services.briefings?.status(briefingId);
    if (!report || report.briefing.status === 'recalled') {
      await step.context.sendActivity('That briefing does not exist or was already recalled.');
      return step.endDialog();
    }
    return step.prompt(CONFIRM, {
      prompt: `Recall "${report.briefing.title}"? ${report.counts.pending} pending copies will not be sent, and ${report.counts.sent} sent cards will be deleted where the channel allows.`,
      retryPrompt: 'Please answer yes to recall the briefing, or no to keep it.',
    });
  }

  private async recallStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity('OK, the briefing stays as it is.');
      return step.endDialog();
    }
    const { briefingId } = step.options as RecallBriefingOptions;
    if (!this.services.briefings) return this.notAvailable(step, 'Strategy briefings');
    const result = await this.services.briefings.recall(briefingId);
    await step.context.sendActivity(
      result.recalled
        ? `Recalled. ${result.cancelled} pending copies stopped; deleting ${result.deleting} sent card(s).`
        : 'That briefing was already recalled.',
    );
    return step.endDialog();
  }
}
