import { DialogContext, DialogTurnResult, DialogTurnStatus } from './dialogKit';
import { answerQuestion } from '../glossary/answerQuestion';
import { CardFormDialog } from './cardFormDialog';
import { DialogServices } from './dialogServices';

/** True when the dialog waiting deepest in the stack is a card form. */
export function formIsOpen(dc: DialogContext): boolean {
  let deepest = dc;
  while (deepest.child) deepest = deepest.child;
  const active = deepest.activeDialog;
  return !!active && deepest.findDialog(active.id) instanceof CardFormDialog;
}

/**
 * A question typed while a card form is open is answered, and the form stays open for its
 * submission, so nobody has to cancel a half-filled form to ask something. Undefined when the
 * turn is not a typed message beside an open form.
 */
export async function answerBesideForm(dc: DialogContext, services: DialogServices): Promise<DialogTurnResult | undefined> {
  const { activity } = dc.context;
  const text = activity.text?.trim();
  if (activity.type !== 'message' || !text || activity.value !== undefined || !formIsOpen(dc)) return undefined;
  await answerQuestion(dc.context, services, text);
  await dc.context.sendActivity('The form above is still open: fill it in and press its button when you are ready, or type cancel to stop.');
  return { status: DialogTurnStatus.waiting };
}
