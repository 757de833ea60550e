import { ComponentDialog } from 'botbuilder-dialogs';
import { DialogServices } from './dialogServices';

/** A dialog with the bot's services; interruptions are handled once, by the root dialog. */
export abstract class BaseDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly services: DialogServices,
  ) {
    super(id);
  }
}
