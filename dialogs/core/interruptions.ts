import { DialogContext, DialogTurnResult, DialogTurnStatus } from './dialogKit';
import { classifyMessage } from '../../bot/features/answers/messageIntent';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createWelcomeCard } from './createWelcomeCard';
import { DialogServices } from './dialogServices';
import { replyToConcern } from '../safeguarding/safeguardingReply';

/**
 * What can interrupt any conversation: a safeguarding concern (contacts first, then carry on),
 * "help" (the welcome, then carry on) and "cancel". Undefined when the message is none of these.
 */
export async function interrupt(dc: DialogContext, services: DialogServices): Promise<DialogTurnResult | undefined> {
  const { activity } = dc.context;
  if (activity.type !== 'message' || !activity.text) return undefined;
  const style = actionStyleFor(activity.channelId);
  // The dialog under way keeps waiting: the worrying words never become a form's answer.
  if (await replyToConcern(dc.context, services, activity.text)) return { status: DialogTurnStatus.waiting };
  switch (classifyMessage(activity.text)) {
    case 'help':
      await dc.context.sendActivity(cardActivity(createWelcomeCard(services.settings.botName, style)));
      await dc.context.sendActivity("When you're ready, carry on where you were, or type cancel to stop.");
      return { status: DialogTurnStatus.waiting };
    case 'cancel':
      await dc.context.sendActivity("OK, I've stopped that. Ask me anything when you're ready.");
      return dc.cancelAllDialogs();
    default:
      return undefined;
  }
}
