import { Activity } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import type { SurveyService } from '../../bot/features/surveys/surveyService';
import { londonDateTime } from '../../bot/features/surveys/wave';
import { MAX_THRESHOLD, MIN_THRESHOLD, NewWave, WaveRequestProblem } from '../../bot/features/surveys/waveRequest';
import { BaseDialog } from '../core/baseDialog';
import { CardFormDialog, FormResult } from '../core/cardFormDialog';
import { createNewPulseCard, NEW_PULSE_VERB } from './createNewPulseCard';
import { createNewPulseConfirmCard, NEW_PULSE_CONFIRM_VERB, PulseSummary } from './createNewPulseConfirmCard';
import { DialogServices } from '../core/dialogServices';
import { isGroupChat } from '../../bot/platform/delivery/conversationRecord';
import { PERSONAL_CHAT_ONLY } from './pulseCommands';
import { formList, formText } from '../../bot/platform/forms/formValues';

/** The dialog id "new pulse" starts. */
export const NEW_PULSE_DIALOG = 'newPulseDialog';
const FORM = `${NEW_PULSE_DIALOG}.form`;
const CONFIRM = `${NEW_PULSE_DIALOG}.confirm`;

type Confirmation = 'start' | 'change' | 'cancel';

/** What the waterfall keeps between steps (JSON only, in dialog state, so a restart carries on). */
interface NewPulseValues {
  form?: Record<string, unknown>;
}

/** How the chat form names each request field in its errors. */
const FIELD_LABELS: Record<string, string> = {
  template: 'Template',
  name: 'Name',
  audience: 'Audience',
  'audience.sectors': 'Sectors',
  'audience.roles': 'Roles',
  'audience.localities': 'Localities',
  opens_at: 'Opening time',
  closes_at: 'Closing time',
  reminder_days: 'Reminders',
  anonymity_threshold: 'Minimum group size',
};

/** The form's values as the same request the admin API takes, so both are checked by one function. */
export function requestFromForm(values: Record<string, unknown>, from: Partial<Activity['from']>): Record<string, unknown> {
  const filters: Record<string, string[] | undefined> = {
    sectors: formList(values.sectors),
    roles: formList(values.roles),
    localities: formList(values.localities),
  };
  const audience = filters.sectors || filters.roles || filters.localities ? filters : { everyone: true };
  const opensDate = formText(values.opensDate);
  const reminders = [formText(values.reminder1), formText(values.reminder2)].filter(Boolean);
  const threshold = formText(values.threshold);
  return {
    template: formText(values.template),
    ...(formText(values.name) ? { name: formText(values.name) } : {}),
    audience,
    ...(opensDate ? { opens_at: `${opensDate}T${formText(values.opensTime) || '09:00'}` } : {}),
    closes_at: `${formText(values.closesDate)}T${formText(values.closesTime) || '17:00'}`,
    ...(reminders.length ? { reminder_days: reminders } : {}),
    ...(threshold ? { anonymity_threshold: /^\d+$/.test(threshold) ? Number(threshold) : Number.NaN } : {}),
    owner: from?.aadObjectId ?? from?.id,
    ...(from?.name ? { owner_name: from.name } : {}),
  };
}

/** Problems as the form shows them: "Closing time: must be at least an hour after the opening time". */
function formErrors(problems: WaveRequestProblem[]): string[] {
  return problems.map((p) => {
    // A number the schema could not read (NaN) gets the range too, not the schema's type message.
    if (p.field === 'anonymity_threshold') return `${FIELD_LABELS[p.field]}: must be a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}`;
    if (p.field === 'template') return 'Choose a template';
    return `${FIELD_LABELS[p.field] ?? p.field}: ${p.message}`;
  });
}

/** The checked wave of a form, or the errors to show on it. */
function checkForm(surveys: SurveyService, values: Record<string, unknown>, from: Partial<Activity['from']>): FormResult<NewWave> {
  if (!formText(values.closesDate)) return { ok: false, errors: ['Closing time: choose the date the pulse closes'] };
  const checked = surveys.check(requestFromForm(values, from));
  return checked.ok ? { ok: true, value: checked.wave } : { ok: false, errors: formErrors(checked.problems) };
}

/** What the confirmation card shows, as plain JSON that dialog state can keep. */
function summaryOf(wave: NewWave, reach: number): PulseSummary {
  return {
    name: wave.name,
    templateTitle: wave.template.title,
    questions: wave.template.questions.length,
    audience: wave.audience,
    reach,
    opensAt: wave.opensAt.toISO() ?? '',
    closesAt: wave.closesAt.toISO() ?? '',
    reminderDays: wave.reminderDays,
    threshold: wave.threshold,
  };
}

/**
 * "New pulse" for the comms team: a card form (template, audience, dates, reminders, minimum
 * group size), then a confirmation showing how many people it reaches, then the wave is saved and
 * its cards queued with the delivery engine. Checked by the same function as the admin API.
 */
export class NewPulseDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(NEW_PULSE_DIALOG, services);
    const surveys = services.surveys;
    this.addDialog(
      new CardFormDialog<Record<string, unknown>>(FORM, {
        verb: NEW_PULSE_VERB,
        card: ({ values, errors }) => createNewPulseCard(surveys?.templates ?? [], values, errors),
        // The form's raw values go on (checked again just before starting); the wave itself is not JSON.
        validate: (values) => {
          if (!surveys) return { ok: false, errors: ['Pulse surveys are not available.'] };
          const checked = checkForm(surveys, values, {});
          return checked.ok ? { ok: true, value: values } : checked;
        },
      }),
    );
    this.addDialog(
      new CardFormDialog<Confirmation>(CONFIRM, {
        verb: NEW_PULSE_CONFIRM_VERB,
        card: ({ values }) => createNewPulseConfirmCard(values as unknown as PulseSummary),
        // Any other value (a tampered button) is read as cancel: nothing is started by mistake.
        validate: (values) => ({ ok: true, value: values.confirm === 'start' || values.confirm === 'change' ? values.confirm : 'cancel' }),
      }),
    );
    this.addDialog(new WaterfallDialog(`${NEW_PULSE_DIALOG}.steps`, [this.formStep.bind(this), this.confirmStep.bind(this), this.startStep.bind(this)]));
    this.initialDialogId = `${NEW_PULSE_DIALOG}.steps`;
  }

  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!this.services.surveys) return this.notAvailable(step, 'Pulse surveys');
    if (!(await this.services.access.hasRole(step.context, 'comms'))) {
      await step.context.sendActivity('Sorry, starting a pulse is only for the communications team. Type pulse to see the pulses open to you.');
      return step.endDialog();
    }
    if (isGroupChat(step.context.activity)) {
      await step.context.sendActivity(PERSONAL_CHAT_ONLY);
      return step.endDialog();
    }
    const options = step.options as { values?: Record<string, unknown> } | undefined;
    const now = this.services.now();
    const initial = options?.values ?? {
      closesDate: now.plus({ days: 7 }).toISODate(),
      closesTime: '17:00',
      threshold: String(this.services.surveys.settings.defaultThreshold),
    };
    return step.beginDialog(FORM, initial);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const form = step.result as Record<string, unknown>;
    (step.values as NewPulseValues).form = form;
    const surveys = this.services.surveys;
    if (!surveys) return this.notAvailable(step, 'Pulse surveys');
    const checked = checkForm(surveys, form, step.context.activity.from);
    if (!checked.ok) return this.backToForm(step, form, checked.errors);
    const reach = await surveys.audienceSize(checked.value.audience);
    return step.beginDialog(CONFIRM, summaryOf(checked.value, reach) as unknown as Record<string, unknown>);
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as Confirmation;
    const form = (step.values as NewPulseValues).form ?? {};
    if (choice === 'cancel') {
      await step.context.sendActivity("OK, I haven't started that pulse. Nothing was sent.");
      return step.endDialog();
    }
    if (choice === 'change') return step.replaceDialog(this.initialDialogId, { values: form });
    const surveys = this.services.surveys;
    if (!surveys) return this.notAvailable(step, 'Pulse surveys');
    // Checked again: the opening time may have passed while the confirmation was on screen.
    const checked = checkForm(surveys, form, step.context.activity.from);
    if (!checked.ok) return this.backToForm(step, form, checked.errors);
    const wave = await surveys.create(checked.value);
    const queued = await surveys.schedule(wave);
    const when = londonDateTime(wave.opensAt);
    const delivery = queued ? `Its card goes out from ${when}` : `It opens ${when}; its cards will be queued as soon as delivery is available`;
    await step.context.sendActivity(`Started pulse #${wave.id}, "${wave.name}". ${delivery}. Type "results of #${wave.id}" to see the results.`);
    return step.endDialog();
  }

  private async backToForm(step: WaterfallStepContext, form: Record<string, unknown>, errors: string[]): Promise<DialogTurnResult> {
    await step.context.sendActivity(`Please check the form: ${errors.join('; ')}.`);
    return step.replaceDialog(this.initialDialogId, { values: form });
  }
}
