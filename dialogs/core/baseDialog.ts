import { ComponentDialog, DialogTurnResult, WaterfallStepContext } from './dialogKit';
import { DialogServices } from './dialogServices';

/** A dialog with the bot's services; interruptions are handled once, by the root dialog. */
export abstract class BaseDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }

  /** Ends the dialog with a plain message when a capability it needs is not set up in this deployment. */
  protected async notAvailable(step: WaterfallStepContext, what: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(`${what} are not available here.`);
    return step.endDialog();
  }
}
