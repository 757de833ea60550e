import { describeFilter, CourseListing, SessionFilter } from '../../bot/features/training/upcomingSessions';
import { describeSession } from '../../bot/features/training/sessionText';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, heading, paragraph, typedAction } from '../cards/adaptiveCard';
import { SHOW_COURSE_VERB } from './trainingVerbs';

export interface CoursesCardContent {
  heading: string;
  listings: CourseListing[];
  /** Courses that matched but are not shown. */
  more: number;
  filter: SessionFilter;
  /** Why the list is empty, or what to ask instead. */
  note?: string;
}

/** Sessions named per course in a list (the course card shows them with their buttons). */
const SESSIONS_IN_LIST = 2;

/**
 * Several courses at once ("online courses in March"): each with its next sessions in the asked
 * window, a "Details" button for its full card and a "Book" button; or, when nothing matches, why
 * and what to try instead.
 */
export function createCoursesCard(content: CoursesCardContent, style: ActionStyle): BuiltCard {
  const filtered = content.filter.window !== undefined || content.filter.mode !== undefined;
  const title = filtered ? `${content.heading}: ${describeFilter(content.filter)}` : content.heading;
  const body: CardElement[] = [heading(title)];
  const lines: string[] = [title];
  if (content.note) {
    body.push(paragraph(content.note));
    lines.push(content.note);
  }
  for (const { course, sessions, outsideWindow } of content.listings) {
    const shown = sessions.slice(0, SESSIONS_IN_LIST).map(describeSession);
    const when =
      shown.length === 0
        ? `No sessions scheduled \u2014 contact ${course.contact}.`
        : `${outsideWindow ? 'Next (none in the dates you asked for): ' : 'Next: '}${shown.join('; ')}`;
    body.push({
      type: 'Container',
      spacing: 'medium',
      items: [
        paragraph(course.title, { weight: 'bolder' }),
        paragraph(when, { size: 'small', spacing: 'none' }),
        {
          type: 'ActionSet',
          spacing: 'none',
          actions: [botAction(style, 'Details', SHOW_COURSE_VERB, { courseId: course.id }), { type: 'Action.OpenUrl', title: 'Book', url: course.bookingUrl }],
        },
      ],
    });
    lines.push(`- ${course.title}. ${when}`);
  }
  if (content.more > 0) {
    const more = `And ${content.more} more. Ask about a topic to narrow the list, for example "safeguarding training".`;
    body.push(paragraph(more, { isSubtle: true, size: 'small' }));
    lines.push(more);
  }
  if (content.listings.length === 0) {
    body.push({ type: 'ActionSet', actions: [typedAction(style, 'All training courses', 'training courses'), typedAction(style, 'What training do I need?')] });
  }
  return built(adaptiveCard(body, lines.join('\n')));
}
