import { adaptiveCard, botAction, built, BuiltCard, Fact, heading, paragraph } from '../cards/adaptiveCard';

export const PREVIEW_TEST_VERB = 'briefing.preview.test';
export const PREVIEW_CONFIRM_VERB = 'briefing.preview.confirm';
export const PREVIEW_CHANGE_VERB = 'briefing.preview.change';
export const PREVIEW_CANCEL_VERB = 'briefing.preview.cancel';

export interface BriefingPreview {
  title: string;
  audience: string;
  recipients: number;
  when: string;
  urgent: boolean;
  notes: string[];
  /** Editing a sent briefing: the cards to update rather than people to reach. */
  editing?: boolean;
}

/** What will happen if the author confirms: who, how many, when; with test, confirm, change and cancel. */
export function createBriefingPreviewCard(preview: BriefingPreview): BuiltCard {
  const nobody = !preview.editing && preview.recipients === 0;
  const facts: Fact[] = preview.editing
    ? [{ title: 'Cards to update', value: String(preview.recipients) }]
    : [
        { title: 'Audience', value: preview.audience },
        { title: 'Reaches now', value: `${preview.recipients} ${preview.recipients === 1 ? 'person' : 'people'}` },
        { title: 'When', value: preview.when },
        { title: 'Quiet hours', value: preview.urgent ? 'ignored (urgent)' : 'respected; working hours only' },
      ];
  const body = [
    heading(`Preview: ${preview.title}`),
    paragraph('Above is the card as staff will see it.'),
    { type: 'FactSet' as const, facts },
    ...preview.notes.map((n) => paragraph(n, { weight: 'bolder' as const })),
    ...(nobody
      ? [
          paragraph('Nobody matches this audience yet, so there is no one to send it to. Change the audience, or cancel.', {
            color: 'attention' as const,
            weight: 'bolder' as const,
          }),
        ]
      : []),
  ];
  const actions = [
    botAction('submit', 'Send a test to me', PREVIEW_TEST_VERB),
    ...(nobody ? [] : [botAction('submit', preview.editing ? 'Save and update cards' : 'Confirm and send', PREVIEW_CONFIRM_VERB, {}, { style: 'positive' })]),
    botAction('submit', 'Change', PREVIEW_CHANGE_VERB),
    botAction('submit', 'Cancel', PREVIEW_CANCEL_VERB, {}, { style: 'destructive' }),
  ];
  const fallback = [`Preview: ${preview.title}`, ...facts.map((f) => `${f.title}: ${f.value}`), ...preview.notes].join('\n');
  return built(adaptiveCard(body, fallback, actions));
}
