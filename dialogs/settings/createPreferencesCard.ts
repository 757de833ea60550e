import { TOPICS } from '../../knowledge/workforce';
import { adaptiveCard, botAction, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';
import { choiceInput, errorSummary, textValue } from '../cards/formParts';

export const PREFERENCES_VERB = 'settings.preferences';

/** Settings step 2 of 2: briefing topics and quiet hours. */
export function createPreferencesCard(values: Record<string, unknown>, errors: string[]): BuiltCard {
  const intro = 'Step 2 of 2: what you would like to hear about, and when not to be disturbed.';
  const topics = Array.isArray(values.topics) ? values.topics.join(',') : textValue(values.topics);
  const body = [
    heading('Your settings'),
    paragraph(intro),
    ...errorSummary(errors),
    choiceInput('topics', 'Topics for briefings (choose any)', TOPICS, topics, { isMultiSelect: true, style: 'expanded' }),
    paragraph('Quiet hours: I will hold non-urgent messages until they end (UK time).', { size: 'small', isSubtle: true }),
    // The placeholders name the boxes in Web Chat's screen-reader copy of the card, which ignores labels on time boxes.
    {
      type: 'Input.Time' as const,
      id: 'quietStart',
      label: 'Quiet from (optional)',
      placeholder: 'Quiet from',
      ...(textValue(values.quietStart) ? { value: textValue(values.quietStart) } : {}),
    },
    {
      type: 'Input.Time' as const,
      id: 'quietEnd',
      label: 'Quiet until (optional)',
      placeholder: 'Quiet until',
      ...(textValue(values.quietEnd) ? { value: textValue(values.quietEnd) } : {}),
    },
  ];
  const actions = [botAction('submit', 'Save settings', PREFERENCES_VERB)];
  const fallback = [intro, ...errors, 'Please open this message in Teams or the web chat to fill in the form.'].join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
