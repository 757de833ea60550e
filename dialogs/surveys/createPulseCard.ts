import { SurveyQuestion } from '../../knowledge/surveys/surveyTemplate';
import { inputIdOf } from '../../bot/features/surveys/answerValidation';
import { londonDateTime, Wave } from '../../bot/features/surveys/wave';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardInput, heading, paragraph } from '../cards/adaptiveCard';
import { errorSummary, textValue } from '../cards/formParts';

/** The verb of a pulse card's submit button (Action.Execute in Teams, Action.Submit in Web Chat). */
export const PULSE_SUBMIT_VERB = 'pulse.submit';

/** What a pulse card shows besides the wave: the button style, a failed submission's values and errors, and whether it is a reminder. */
export interface PulseCardOptions {
  style: ActionStyle;
  values?: Record<string, unknown>;
  errors?: string[];
  reminder?: boolean;
}

/** The card input for one question, with the value of a failed submission kept. */
function questionInput(question: SurveyQuestion, number: number, value: unknown): CardInput {
  const id = inputIdOf(question.id);
  const label = `${number}. ${question.text}`;
  const kept = typeof value === 'number' ? String(value) : textValue(value);
  const required = question.type !== 'text' && !question.optional;
  const choice = (choices: { title: string; value: string }[], style: 'expanded' | 'compact', placeholder?: string): CardInput => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    style,
    ...(placeholder ? { placeholder } : {}),
    ...(required ? { isRequired: true, errorMessage: 'Choose an answer' } : {}),
    ...(kept ? { value: kept } : {}),
  });
  switch (question.type) {
    case 'rating':
      return choice(
        question.labels.map((l, i) => ({ title: `${i + 1} – ${l}`, value: String(i + 1) })),
        'expanded',
      );
    case 'scale':
      return choice(
        Array.from({ length: 11 }, (_, n) => ({
          title: n === 0 ? `0 – ${question.lowLabel}` : n === 10 ? `10 – ${question.highLabel}` : String(n),
          value: String(n),
        })),
        'compact',
        'Choose from 0 to 10',
      );
    case 'choice':
      return choice(
        question.options.map((o) => ({ title: o.label, value: o.id })),
        'expanded',
      );
    case 'yesno':
      return choice(
        [
          { title: 'Yes', value: 'yes' },
          { title: 'No', value: 'no' },
        ],
        'expanded',
      );
    case 'text':
      return {
        type: 'Input.Text',
        id,
        label,
        isMultiline: true,
        maxLength: question.maxLength,
        placeholder: `Up to ${question.maxLength} characters. Please leave out names and contact details.`,
        ...(kept ? { value: kept } : {}),
      };
  }
}

/**
 * A pulse as one card with every question: 1–5 ratings and choices as radio buttons with their
 * labels, 0–10 as a list, yes/no, and an optional comment of up to 500 characters. The button
 * carries only the survey id; the answers travel as the card's inputs.
 */
export function createPulseCard(wave: Pick<Wave, 'id' | 'template' | 'closesAt'>, options: PulseCardOptions): BuiltCard {
  const { template } = wave;
  const closes = `Open until ${londonDateTime(wave.closesAt)}.`;
  const anonymous = 'Your answers are anonymous: nobody, including the team who runs this pulse, can see who gave them.';
  const lead = options.reminder ? "Reminder: you haven't answered this pulse yet, and there's still time." : undefined;
  const body = [
    heading(template.title),
    ...(lead ? [paragraph(lead, { weight: 'bolder' as const })] : []),
    paragraph(template.intro),
    paragraph(`${closes} ${anonymous}`, { size: 'small', isSubtle: true }),
    ...errorSummary(options.errors ?? []),
    ...template.questions.map((q, i) => questionInput(q, i + 1, options.values?.[inputIdOf(q.id)])),
  ];
  const actions = [botAction(options.style, 'Send my answers', PULSE_SUBMIT_VERB, { surveyId: wave.id }, { style: 'positive' })];
  const fallback = [
    [lead, template.title].filter(Boolean).join(' '),
    template.intro,
    ...(options.errors ?? []),
    ...template.questions.map((q, i) => `${i + 1}. ${q.text}`),
    `${closes} Please open this message in Teams or the web chat to answer.`,
  ].join('\n');
  return built(adaptiveCard(body, fallback, actions));
}
