import { ConfirmPrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import { BaseDialog } from '../core/baseDialog';
import { DialogServices } from '../core/dialogServices';

export const DELETE_DATA_DIALOG = 'deleteDataDialog';
const CONFIRM = `${DELETE_DATA_DIALOG}.confirm`;

/** "Delete my data": confirms first, then erases the profile, conversation references and state. */
export class DeleteDataDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(DELETE_DATA_DIALOG, services);
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(`${DELETE_DATA_DIALOG}.steps`, [this.askStep.bind(this), this.eraseStep.bind(this)]));
    this.initialDialogId = `${DELETE_DATA_DIALOG}.steps`;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONFIRM, {
      prompt:
        'This erases your settings, where I can reach you, and our conversation history. Briefings and survey reminders will stop until you message me again. Anonymous survey answers and feedback stay, as they cannot be linked to you. Delete your data?',
      retryPrompt: 'Please answer yes to delete your data, or no to keep it.',
    });
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity('OK, nothing was deleted.');
      return step.endDialog();
    }
    const result = await this.services.userData.erase(step.context.activity.from.id);
    this.services.forgetTurnState(step.context);
    const parts = [
      result.profile ? 'your settings' : undefined,
      `${result.conversations} conversation record(s)`,
      `${result.stateDocuments} saved conversation state(s)`,
      result.trainingReminders ? `${result.trainingReminders} training reminder(s)` : undefined,
      result.deliveries ? `${result.deliveries} message record(s)` : undefined,
    ].filter(Boolean);
    await step.context.sendActivity(`Done. I erased ${parts.join(', ')}. If you message me again I will only keep what I need to reply.`);
    return step.endDialog();
  }
}
