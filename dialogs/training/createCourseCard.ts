import { KnowledgeEntry } from '../../knowledge/entry';
import { describeAudience, describeCommonCore, describeFormat, describeRule } from '../../bot/features/training/courseText';
import { CourseListing, describeFilter, SessionFilter } from '../../bot/features/training/upcomingSessions';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, Fact, heading, paragraph } from '../cards/adaptiveCard';
import { SHOW_ENTRY_VERB } from '../glossary/createAnswerCard';
import { labelledLines } from '../cards/labelledLines';
import { sessionBlock, sessionLine } from './trainingParts';

export interface CourseCardOptions {
  style: ActionStyle;
  /** Knowledge-base entries about what the course teaches; the first is explained on the card. */
  related: KnowledgeEntry[];
  filter: SessionFilter;
  /** The bot's public address, for "Add to calendar" links. */
  publicBaseUrl: string;
  /** Offer "Remind me" (reminders are proactive messages, which only Teams personal chats take). */
  reminders: boolean;
}

/** What the card says above the sessions: "Next sessions", "Sessions in March 2027", or that none fall then. */
function sessionsHeading(listing: CourseListing, filter: SessionFilter): string {
  const asked = describeFilter(filter);
  if (listing.outsideWindow) return `No ${asked}. The next ones are:`;
  if (filter.window) return asked[0].toUpperCase() + asked.slice(1);
  return `Next ${asked}`;
}

/**
 * A course: what it is, who it is for, its next three sessions (each with "Add to calendar", and
 * "Remind me" in Teams), a "Book" button, and the glossary entry that explains its subject.
 */
export function createCourseCard(listing: CourseListing, options: CourseCardOptions): BuiltCard {
  const { course, sessions } = listing;
  const facts: Fact[] = [
    { title: 'Who it is for', value: describeAudience(course) },
    { title: 'Format', value: describeFormat(course) },
    { title: 'Provider', value: course.provider },
  ];
  const commonCore = describeCommonCore(course);
  if (commonCore) facts.push({ title: 'Common Core', value: commonCore });
  if (course.mandatory.length) facts.push({ title: 'Mandatory for', value: course.mandatory.map(describeRule).join('; ') });

  const noSessions = `No sessions scheduled \u2014 contact ${course.contact}.`;
  const body: CardElement[] = [heading(course.title), paragraph(course.summary), labelledLines(facts)];
  const lines: string[] = [];
  if (sessions.length) {
    const title = sessionsHeading(listing, options.filter);
    body.push(paragraph(title, { weight: 'bolder', spacing: 'medium' }));
    body.push(...sessions.map((s) => sessionBlock(s, options.style, options.publicBaseUrl, options.reminders, sessions)));
    lines.push(title, ...sessions.map((s) => `- ${sessionLine(s)}`));
  } else {
    body.push(paragraph(noSessions, { weight: 'bolder', spacing: 'medium' }));
    lines.push(noSessions);
  }
  const [about] = options.related;
  if (about) {
    body.push(paragraph(`About ${about.title}`, { weight: 'bolder', size: 'small', spacing: 'medium' }));
    body.push(paragraph(about.summary, { size: 'small' }));
    body.push({ type: 'ActionSet', actions: options.related.map((e) => botAction(options.style, e.title, SHOW_ENTRY_VERB, { id: e.id })) });
  }
  const fallback = [
    course.title,
    course.summary,
    ...facts.map((f) => `${f.title}: ${f.value}`),
    lines.join('\n'),
    `Book: ${course.bookingUrl}`,
    about ? `About ${about.title}: ${about.summary}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return built(adaptiveCard(body, fallback, [{ type: 'Action.OpenUrl', title: 'Book', url: course.bookingUrl }]));
}
