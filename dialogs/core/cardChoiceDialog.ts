import { Dialog, DialogContext, DialogTurnResult } from './dialogKit';
import { BuiltCard } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';

/** Options for CardChoiceDialog: the card to show and the button verbs it waits for. */
export interface CardChoiceOptions {
  card: BuiltCard;
  verbs: string[];
}

/**
 * Shows a card of buttons and waits for one of them (e.g. preview → test / confirm / change),
 * returning the verb pressed. Typed messages get a reminder; help and cancel are handled by the
 * base dialog around it.
 */
export class CardChoiceDialog extends Dialog<CardChoiceOptions> {
  override async beginDialog(dc: DialogContext, options?: CardChoiceOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('CardChoiceDialog needs a card and verbs');
    dc.activeDialog!.state.verbs = options.verbs;
    await dc.context.sendActivity(cardActivity(options.card));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const verbs = dc.activeDialog!.state.verbs as string[];
    const value = dc.context.activity.value as { verb?: unknown } | undefined;
    if (value && typeof value.verb === 'string' && verbs.includes(value.verb)) return dc.endDialog(value.verb);
    await dc.context.sendActivity('Please choose one of the buttons above, or type cancel to stop.');
    return Dialog.EndOfTurn;
  }
}
