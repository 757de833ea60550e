import { DateTime } from 'luxon';
import { AudienceFilter, describeAudience } from '../../bot/features/audience/audienceFilter';
import { londonDate, londonDateTime } from '../../bot/features/surveys/wave';
import { adaptiveCard, botAction, built, BuiltCard, Fact, heading, paragraph } from '../cards/adaptiveCard';
import { LONDON_ZONE } from '../../knowledge/londonZone';

/** The verb of the confirmation's buttons (start, change, cancel). */
export const NEW_PULSE_CONFIRM_VERB = 'pulse.new.confirm';

/** What the confirmation shows about a wave before it starts, as plain JSON (dialog state keeps it). */
export interface PulseSummary {
  name: string;
  templateTitle: string;
  questions: number;
  audience: AudienceFilter;
  /** How many people the audience reaches today. */
  reach: number;
  opensAt: string;
  closesAt: string;
  reminderDays: string[];
  threshold: number;
}

/** "New pulse", step 2 of 2: what will happen, for how many people, before anything is sent. */
export function createNewPulseConfirmCard(summary: PulseSummary): BuiltCard {
  const at = (iso: string) => londonDateTime(DateTime.fromISO(iso, { zone: LONDON_ZONE }));
  const facts: Fact[] = [
    { title: 'Pulse', value: summary.name },
    { title: 'Template', value: `${summary.templateTitle} (${summary.questions} questions)` },
    {
      title: 'Audience',
      value: `${describeAudience(summary.audience)}: ${summary.reach} ${summary.reach === 1 ? 'person' : 'people'} the bot can reach today`,
    },
    { title: 'Opens', value: at(summary.opensAt) },
    { title: 'Closes', value: at(summary.closesAt) },
    {
      title: 'Reminders',
      value: summary.reminderDays.length ? summary.reminderDays.map((d) => londonDate(DateTime.fromISO(d, { zone: LONDON_ZONE }))).join('; ') : 'none',
    },
    { title: 'Minimum group size', value: `${summary.threshold}: no result about fewer people is ever shown` },
  ];
  const note = 'Cards go out in working hours and outside each person\u2019s quiet hours. Reminders go only to people who have not answered.';
  const body = [
    heading('New pulse: check and start'),
    paragraph('Step 2 of 2.'),
    { type: 'FactSet' as const, facts },
    paragraph(note, { size: 'small', isSubtle: true }),
  ];
  // Forms submit as messages on every channel, so the dialog waiting for them receives the choice.
  const actions = [
    botAction('submit', 'Start this pulse', NEW_PULSE_CONFIRM_VERB, { confirm: 'start' }, { style: 'positive' }),
    botAction('submit', 'Change', NEW_PULSE_CONFIRM_VERB, { confirm: 'change' }),
    botAction('submit', 'Cancel', NEW_PULSE_CONFIRM_VERB, { confirm: 'cancel' }),
  ];
  const fallback = ['New pulse: check and start', ...facts.map((f) => `${f.title}: ${f.value}`), note].join('\n');
  return built(adaptiveCard(body, fallback, actions));
}
