import { COUNCIL_OPTIONS, ROLES, SECTORS, TOPICS } from '../../knowledge/workforce';
import { adaptiveCard, botAction, built, BuiltCard, CardElement, heading, paragraph } from '../cards/adaptiveCard';
import { choiceInput, errorSummary, textValue } from '../cards/formParts';

export const BRIEFING_FORM_VERB = 'briefing.form';

const text = (id: string, label: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Input.Text' as const,
  id,
  label,
  ...(textValue(values[id]) ? { value: textValue(values[id]) } : {}),
  ...extra,
});

/**
 * The briefing form: what to say, who to send it to and when. `editing` shows only the words,
 * since the audience and timing of a sent briefing cannot change.
 */
export function createBriefingFormCard(values: Record<string, unknown>, errors: string[], editing = false): BuiltCard {
  const intro = editing
    ? 'Change the words; cards already sent are updated in place.'
    : 'Write the briefing, then choose who gets it. You will see a preview before anything is sent.';
  const body: CardElement[] = [
    heading(editing ? 'Edit briefing' : 'New briefing'),
    paragraph(intro),
    ...errorSummary(errors),
    text('title', 'Title', values, { isRequired: true, maxLength: 120, errorMessage: 'Give the briefing a title' }),
    text('summary', 'Summary (up to 300 characters)', values, { isRequired: true, isMultiline: true, maxLength: 300, errorMessage: 'Write a short summary' }),
    text('body', 'Full text (Markdown, optional)', values, { isMultiline: true }),
    text('link', 'Link (optional, https://…)', values, { style: 'url' }),
    choiceInput('topics', 'Topics', TOPICS, values.topics, { isMultiSelect: true, style: 'compact' }),
  ];
  if (!editing) {
    body.push(
      paragraph('Audience: leave these empty to send to everyone.', { weight: 'bolder', spacing: 'medium' }),
      choiceInput('sectors', 'Sectors', SECTORS, values.sectors, { isMultiSelect: true, style: 'compact' }),
      choiceInput('roles', 'Roles', ROLES, values.roles, { isMultiSelect: true, style: 'compact' }),
      choiceInput('authorities', 'Councils', COUNCIL_OPTIONS, values.authorities, { isMultiSelect: true, style: 'compact' }),
      text('localities', 'Localities (comma-separated, optional)', values),
      text('teams', 'Teams (comma-separated, optional)', values),
      paragraph('When (UK time): leave empty to send now.', { weight: 'bolder', spacing: 'medium' }),
      { type: 'Input.Date', id: 'publishDate', label: 'Publish on', ...(textValue(values.publishDate) ? { value: textValue(values.publishDate) } : {}) },
      { type: 'Input.Time', id: 'publishTime', label: 'at', ...(textValue(values.publishTime) ? { value: textValue(values.publishTime) } : {}) },
      {
        type: 'Input.Date',
        id: 'expiryDate',
        label: 'Expires on (optional)',
        ...(textValue(values.expiryDate) ? { value: textValue(values.expiryDate) } : {}),
      },
      {
        type: 'Input.Toggle',
        id: 'urgent',
        title: 'Urgent: ignore quiet hours and working hours',
        valueOn: 'true',
        valueOff: 'false',
        value: values.urgent === 'true' ? 'true' : 'false',
      },
    );
  }
  const actions = [botAction('submit', editing ? 'Preview changes' : 'Preview', BRIEFING_FORM_VERB)];
  const fallback = [intro, ...errors, 'Please open this message in Teams or the web chat to fill in the form.'].join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
