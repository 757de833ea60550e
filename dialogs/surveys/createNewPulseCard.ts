import { SurveyTemplate } from '../../knowledge/surveys/surveyTemplate';
import { ROLES, SECTORS } from '../../knowledge/workforce';
import { MAX_THRESHOLD, MIN_THRESHOLD } from '../../bot/features/surveys/waveRequest';
import { adaptiveCard, botAction, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';
import { choiceInput, errorSummary, textValue } from '../cards/formParts';

/** The verb of the new-pulse form's button, which the waiting dialog receives. */
export const NEW_PULSE_VERB = 'pulse.new';

const kept = (values: Record<string, unknown>, id: string) => (textValue(values[id]) ? { value: textValue(values[id]) } : {});

/** "New pulse", step 1 of 2, for the comms team: template, audience, dates, reminders and the anonymity threshold. */
export function createNewPulseCard(templates: readonly SurveyTemplate[], values: Record<string, unknown>, errors: string[]): BuiltCard {
  const intro = 'Step 1 of 2: choose the template, who it is for and when it runs (UK time). Leave the audience blank to send it to everyone.';
  const threshold = Number(values.threshold);
  const body = [
    heading('New pulse'),
    paragraph(intro),
    ...errorSummary(errors),
    choiceInput(
      'template',
      'Template',
      templates.map((t) => ({ id: t.id, label: `${t.title} (${t.questions.length} questions)` })),
      values.template,
      {
        isRequired: true,
        errorMessage: 'Choose a template',
        style: 'compact',
        placeholder: 'Choose a template',
      },
    ),
    { type: 'Input.Text' as const, id: 'name', label: 'Name (optional, e.g. "Wellbeing pulse, winter")', maxLength: 120, ...kept(values, 'name') },
    choiceInput('sectors', 'Sectors (optional)', SECTORS, values.sectors, { isMultiSelect: true, style: 'expanded' }),
    choiceInput('roles', 'Roles (optional)', ROLES, values.roles, { isMultiSelect: true, style: 'compact', placeholder: 'Any role' }),
    { type: 'Input.Text' as const, id: 'localities', label: 'Localities (optional, separated by commas)', maxLength: 400, ...kept(values, 'localities') },
    { type: 'Input.Date' as const, id: 'opensDate', label: 'Opens on (leave blank to open now)', ...kept(values, 'opensDate') },
    { type: 'Input.Time' as const, id: 'opensTime', label: 'Opens at', ...kept(values, 'opensTime') },
    {
      type: 'Input.Date' as const,
      id: 'closesDate',
      label: 'Closes on',
      isRequired: true,
      errorMessage: 'Choose the closing date',
      ...kept(values, 'closesDate'),
    },
    {
      type: 'Input.Time' as const,
      id: 'closesTime',
      label: 'Closes at',
      isRequired: true,
      errorMessage: 'Choose the closing time',
      ...kept(values, 'closesTime'),
    },
    { type: 'Input.Date' as const, id: 'reminder1', label: 'First reminder to people who have not answered (optional)', ...kept(values, 'reminder1') },
    { type: 'Input.Date' as const, id: 'reminder2', label: 'Second reminder (optional)', ...kept(values, 'reminder2') },
    {
      type: 'Input.Number' as const,
      id: 'threshold',
      label: `Minimum group size for results (${MIN_THRESHOLD} to ${MAX_THRESHOLD})`,
      min: MIN_THRESHOLD,
      max: MAX_THRESHOLD,
      ...(Number.isFinite(threshold) && textValue(String(values.threshold ?? '')) ? { value: threshold } : {}),
    },
  ];
  // Forms submit as messages on every channel, so the dialog waiting for them receives the answers.
  const actions = [botAction('submit', 'Next', NEW_PULSE_VERB)];
  const fallback = [intro, ...errors, 'Please open this message in Teams or the web chat to fill in the form.'].join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
