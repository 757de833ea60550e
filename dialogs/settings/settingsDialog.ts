import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import { AboutYou, checkAboutYou, checkPreferences, Preferences } from '../../bot/features/profiles/profileForm';
import { Profile } from '../../bot/platform/store/profiles';
import { BaseDialog } from '../core/baseDialog';
import { CardFormDialog } from '../core/cardFormDialog';
import { ABOUT_YOU_VERB, createAboutYouCard } from './createAboutYouCard';
import { createPreferencesCard, PREFERENCES_VERB } from './createPreferencesCard';
import { createProfileSummaryCard } from './createProfileSummaryCard';
import { cardActivity } from '../cards/cardActivity';
import { DialogServices } from '../core/dialogServices';

export const SETTINGS_DIALOG = 'settingsDialog';
const ABOUT_FORM = `${SETTINGS_DIALOG}.about`;
const PREFERENCES_FORM = `${SETTINGS_DIALOG}.preferences`;

/** What the waterfall keeps between steps (in dialog state, so it survives a restart). */
interface SettingsValues {
  existing?: Profile | null;
  about?: AboutYou;
}

/**
 * "My settings": two short card forms (about your work, then topics and quiet hours), saved to
 * the profile at the end. Each step waits in dialog state, so a restart carries on mid-form.
 */
export class SettingsDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(SETTINGS_DIALOG, services);
    this.addDialog(
      new CardFormDialog<AboutYou>(ABOUT_FORM, {
        verb: ABOUT_YOU_VERB,
        card: ({ values, errors }) => createAboutYouCard(values, errors),
        validate: (values) => checkAboutYou(values, services.now()),
      }),
    );
    this.addDialog(
      new CardFormDialog<Preferences>(PREFERENCES_FORM, {
        verb: PREFERENCES_VERB,
        card: ({ values, errors }) => createPreferencesCard(values, errors),
        validate: checkPreferences,
      }),
    );
    this.addDialog(new WaterfallDialog(`${SETTINGS_DIALOG}.steps`, [this.aboutStep.bind(this), this.preferencesStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = `${SETTINGS_DIALOG}.steps`;
  }

  private async aboutStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const existing = await this.services.profiles.get(step.context.activity.from.id);
    (step.values as SettingsValues).existing = existing ?? null;
    const values = existing ? { ...existing } : { authority: this.services.settings.authority };
    return step.beginDialog(ABOUT_FORM, values);
  }

  private async preferencesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as SettingsValues;
    values.about = step.result as AboutYou;
    const existing = values.existing;
    return step.beginDialog(PREFERENCES_FORM, existing ? { topics: existing.topics, quietStart: existing.quietStart, quietEnd: existing.quietEnd } : {});
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const about = (step.values as SettingsValues).about as AboutYou;
    const preferences = step.result as Preferences;
    const from = step.context.activity.from;
    const profile: Profile = { userId: from.id, aadObjectId: from.aadObjectId, ...about, ...preferences };
    await this.services.profiles.save(profile);
    await step.context.sendActivity(cardActivity(createProfileSummaryCard(profile)));
    return step.endDialog();
  }
}
