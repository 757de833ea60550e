/**
 * The parts of botbuilder-dialogs the bot uses, from their own modules: the package's index also
 * loads every prompt and Microsoft's language recognizers, most of the library's start-up cost.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogReason, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export type { DialogInstance, DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
export type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
export { LazyConfirmPrompt as ConfirmPrompt, LazyTextPrompt as TextPrompt } from './lazyPrompts';
