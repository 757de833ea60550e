import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { classifyMessage } from '../bot/answers/messageIntent';
import { ASK_DIALOG, AskDialog, AskOptions } from './askDialog';
import { BaseDialog } from './baseDialog';
import { actionStyleFor } from './cards/adaptiveCard';
import { cardActivity } from './cards/cardActivity';
import { createWelcomeCard } from './cards/createWelcomeCard';
import { DialogServices } from './dialogServices';

export const ROOT_DIALOG = 'rootDialog';

/** The entry point for every message: greets, helps, or hands the question to the right dialog. */
export class RootDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(ROOT_DIALOG, services);
    this.addDialog(new AskDialog(services));
    this.addDialog(new WaterfallDialog(`${ROOT_DIALOG}.route`, [this.routeStep.bind(this)]));
    this.initialDialogId = `${ROOT_DIALOG}.route`;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    const intent = classifyMessage(text);
    if (intent === 'greeting' || intent === 'help') {
      const inChannel = step.context.activity.conversation?.conversationType === 'channel';
      const card = createWelcomeCard(this.services.settings.botName, actionStyleFor(step.context.activity.channelId), inChannel);
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    }
    if (intent === 'cancel') {
      await step.context.sendActivity("There's nothing to cancel. Ask me anything when you're ready.");
      return step.endDialog();
    }
    return step.beginDialog(ASK_DIALOG, { question: text } satisfies AskOptions);
  }
}
