import { DateTime } from 'luxon';
import { Profile } from '../../bot/platform/store/profiles';
import { describeDate } from '../../bot/features/training/sessionText';
import { COUNCIL_OPTIONS, labelOf, ROLES, SECTORS, TOPICS } from '../../knowledge/workforce';
import { adaptiveCard, built, BuiltCard, Fact, heading, paragraph } from '../cards/adaptiveCard';
import { labelledLines } from '../cards/labelledLines';

/** "1 Sep 2026" for a stored "2026-09-01", as people write dates; the stored text if it is not a date. */
function readableDate(iso: string): string {
  const date = DateTime.fromISO(iso);
  return date.isValid ? describeDate(date) : iso;
}

/** What the bot now holds about someone, after they save their settings. */
export function createProfileSummaryCard(profile: Profile): BuiltCard {
  const facts: Fact[] = [
    { title: 'Sector', value: labelOf(SECTORS, profile.sector) ?? 'not set' },
    { title: 'Role', value: labelOf(ROLES, profile.role) ?? 'not set' },
    { title: 'Council', value: profile.authority ? (labelOf(COUNCIL_OPTIONS, profile.authority) ?? 'another council or organisation') : 'not set' },
    { title: 'Locality', value: profile.locality ?? 'not set' },
    { title: 'Team', value: profile.team ?? 'not set' },
    { title: 'Started', value: profile.startDate ? readableDate(profile.startDate) : 'not set' },
    { title: 'Topics', value: profile.topics.map((t) => labelOf(TOPICS, t) ?? t).join(', ') || 'none' },
    { title: 'Quiet hours', value: profile.quietStart ? `${profile.quietStart} to ${profile.quietEnd}` : 'none' },
  ];
  const note = 'Type "my settings" to change these, "export my data" to see everything I hold, or "delete my data" to erase it.';
  const body = [heading('Settings saved'), labelledLines(facts), paragraph(note, { size: 'small', isSubtle: true })];
  const fallback = ['Settings saved.', ...facts.map((f) => `${f.title}: ${f.value}`), note].join('\n');
  return built(adaptiveCard(body, fallback));
}
