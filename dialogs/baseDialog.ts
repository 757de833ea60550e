import { ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { classifyMessage } from '../bot/answers/messageIntent';
import { isSafeguardingConcern } from '../bot/safeguarding/concernDetector';
import { actionStyleFor } from './cards/adaptiveCard';
import { cardActivity } from './cards/cardActivity';
import { createUrgentCard } from './cards/createUrgentCard';
import { createWelcomeCard } from './cards/createWelcomeCard';
import { DialogServices } from './dialogServices';

/**
 * Handles what can interrupt any conversation once, for every dialog: a safeguarding concern
 * (contacts first, then carry on), "help" (the welcome, then carry on) and "cancel".
 */
export abstract class BaseDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = dc.context;
    if (activity.type !== 'message' || !activity.text) return undefined;
    const style = actionStyleFor(activity.channelId);
    if (isSafeguardingConcern(activity.text)) {
      this.services.metrics.answered('urgent');
      await dc.context.sendActivity(cardActivity(createUrgentCard(this.services.settings.safeguarding)));
      return { status: DialogTurnStatus.waiting };
    }
    switch (classifyMessage(activity.text)) {
      case 'help':
        await dc.context.sendActivity(cardActivity(createWelcomeCard(this.services.settings.botName, style)));
        await dc.context.sendActivity("When you're ready, carry on where you were, or type cancel to stop.");
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await dc.context.sendActivity("OK, I've stopped that. Ask me anything when you're ready.");
        return dc.cancelAllDialogs();
      default:
        return undefined;
    }
  }
}
