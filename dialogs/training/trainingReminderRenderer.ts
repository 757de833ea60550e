import type { MessageRenderer } from '../../bot/platform/delivery/messageRenderer';
import { TrainingReminders } from '../../bot/features/training/trainingReminders';
import { cardMessage } from '../cards/cardActivity';
import { createTrainingReminderCard } from './createTrainingReminderCard';

/**
 * Builds each training reminder when the delivery engine sends it, checking it is still wanted
 * (not cancelled, session still on and still to come); a copy that is not is dropped.
 */
export function trainingReminderRenderer(reminders: Pick<TrainingReminders, 'due'>, publicBaseUrl: string): MessageRenderer {
  return async (copy) => {
    const due = await reminders.due(copy);
    return due ? cardMessage(createTrainingReminderCard(due, publicBaseUrl)) : undefined;
  };
}
