/** Verbs the training cards' buttons send back; the card actions in dialogs/training/trainingCardActions.ts handle them. */
export const SHOW_COURSE_VERB = 'training.course';
export const REMIND_ME_VERB = 'training.remind';
export const CANCEL_REMINDER_VERB = 'training.cancelReminder';
