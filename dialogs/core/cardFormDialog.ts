import { Activity } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from './dialogKit';
import { BuiltCard } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';

/** What a form's validator says about a submission: the cleaned values, or errors to show. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export interface CardFormOptions<T> {
  /** The verb the form's submit button carries; other submissions are not for this form. */
  verb: string;
  /** Builds the card, with the values and errors of a failed submission when there was one. */
  card: (state: { values: Record<string, unknown>; errors: string[] }) => BuiltCard;
  validate: (values: Record<string, unknown>) => FormResult<T>;
}

/**
 * Shows a card form and waits for its submission, showing it again with the errors until the
 * answers are valid. Being on the dialog stack is all it keeps, so a restart half-way through
 * carries on where it was.
 */
export class CardFormDialog<T> extends Dialog<Record<string, unknown>> {
  constructor(
    id: string,
    private readonly form: CardFormOptions<T>,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, initial?: Record<string, unknown>): Promise<DialogTurnResult> {
    await dc.context.sendActivity(cardActivity(this.form.card({ values: initial ?? {}, errors: [] })));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const submitted = submission(dc.context.activity);
    if (!submitted || submitted.verb !== this.form.verb) {
      await dc.context.sendActivity('Please fill in the form above and press its button, or type cancel to stop.');
      return Dialog.EndOfTurn;
    }
    const { verb: _verb, ...values } = submitted;
    const result = this.form.validate(values);
    if (!result.ok) {
      await dc.context.sendActivity(cardActivity(this.form.card({ values, errors: result.errors })));
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(result.value);
  }
}

/** The data of a card submission (Action.Submit, a message with a value; invokes never reach dialogs). */
function submission(activity: Partial<Activity>): (Record<string, unknown> & { verb?: unknown }) | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  return value && typeof value === 'object' ? value : undefined;
}
