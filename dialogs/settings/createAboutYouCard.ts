import { COUNCIL_OPTIONS, ROLES, SECTORS } from '../../knowledge/workforce';
import { adaptiveCard, botAction, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';
import { choiceInput, errorSummary, textValue } from '../cards/formParts';

export const ABOUT_YOU_VERB = 'settings.about';

/** A person may work for a council this bot does not serve, or for another organisation. */
const COUNCIL_CHOICES = [...COUNCIL_OPTIONS, { id: 'none', label: 'Another council or organisation' }];

/** Settings step 1 of 2: sector, role, council, locality, team and start date. */
export function createAboutYouCard(values: Record<string, unknown>, errors: string[]): BuiltCard {
  const intro = 'Step 1 of 2: about your work. This helps me send you the right briefings, surveys and training.';
  const body = [
    heading('Your settings'),
    paragraph(intro),
    ...errorSummary(errors),
    choiceInput('sector', 'Sector', SECTORS, values.sector, {
      isRequired: true,
      errorMessage: 'Choose a sector',
      style: 'compact',
      placeholder: 'Choose your sector',
    }),
    // A list box, not a type-ahead: web chat's type-ahead shows a saved role as its code and loses its label.
    choiceInput('role', 'Role', ROLES, values.role, { isRequired: true, errorMessage: 'Choose a role', style: 'compact', placeholder: 'Choose your role' }),
    choiceInput('authority', 'Council', COUNCIL_CHOICES, values.authority, { style: 'compact', placeholder: 'Choose your council' }),
    // Each box also has a placeholder naming it: Web Chat's screen-reader copy of a card labels text, date and time boxes only by their placeholder.
    {
      type: 'Input.Text' as const,
      id: 'locality',
      label: 'Locality or area (optional)',
      placeholder: 'Locality or area',
      maxLength: 80,
      ...(textValue(values.locality) ? { value: textValue(values.locality) } : {}),
    },
    {
      type: 'Input.Text' as const,
      id: 'team',
      label: 'Team (optional)',
      placeholder: 'Team',
      maxLength: 80,
      ...(textValue(values.team) ? { value: textValue(values.team) } : {}),
    },
    {
      type: 'Input.Date' as const,
      id: 'startDate',
      label: 'When did you start in this role? (optional)',
      placeholder: 'Start date in this role',
      ...(textValue(values.startDate) ? { value: textValue(values.startDate) } : {}),
    },
  ];
  // Forms submit as messages on every channel, so the dialog waiting for them receives the answers.
  const actions = [botAction('submit', 'Next', ABOUT_YOU_VERB)];
  const fallback = [intro, ...errors, 'Please open this message in Teams or the web chat to fill in the form.'].join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
