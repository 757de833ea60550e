import { Course } from '../../knowledge/training/catalogue';
import { labelOf, ROLES } from '../../knowledge/workforce';
import { describeDate } from '../../bot/features/training/sessionText';
import { Pathway } from '../../bot/features/training/trainingPathway';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, heading, paragraph, typedAction } from '../cards/adaptiveCard';
import { SHOW_COURSE_VERB } from './trainingVerbs';

/** The next session of a course, in words, or that none is scheduled. */
export type NextSessionOf = (course: Course) => string | undefined;

const MAX_RECOMMENDED = 5;
const NOT_TRACKED = "I don't know which courses you have already done: if you have completed one, you can ignore it here.";
const SETTINGS_PROMPT = 'Tell me your sector and role in "my settings", and I will work out which training you need and when.';
const START_DATE_PROMPT = 'To work out when each course is due I need the date you started in your role. Add it in "my settings" (I won\u2019t guess it).';

function courseBlock(course: Course, status: string | undefined, next: string | undefined, style: ActionStyle, overdue = false): CardElement {
  return {
    type: 'Container',
    spacing: 'medium',
    items: [
      paragraph(course.title, { weight: 'bolder' }),
      ...(status ? [paragraph(status, { spacing: 'none', ...(overdue ? { color: 'attention' as const, weight: 'bolder' as const } : {}) })] : []),
      paragraph(next ? `Next session: ${next}` : 'No sessions scheduled', { size: 'small', isSubtle: true, spacing: 'none' }),
      { type: 'ActionSet', spacing: 'none', actions: [botAction(style, 'Details', SHOW_COURSE_VERB, { courseId: course.id })] },
    ],
  };
}

/**
 * "What training do I need?": the mandatory courses for someone's role with due dates (overdue
 * first), then recommended ones; or a request for the settings the answer depends on.
 */
export function createPathwayCard(pathway: Pathway, style: ActionStyle, nextSessionOf: NextSessionOf): BuiltCard {
  const settingsButton = { type: 'ActionSet' as const, actions: [typedAction(style, 'My settings', 'my settings')] };
  if (pathway.kind === 'noProfile') {
    return built(adaptiveCard([heading('Your training pathway'), paragraph(SETTINGS_PROMPT), settingsButton], SETTINGS_PROMPT));
  }
  const role = labelOf(ROLES, pathway.role) ?? pathway.role;
  const body: CardElement[] = [heading('Your training pathway')];
  const lines: string[] = ['Your training pathway'];
  if (pathway.kind === 'noStartDate') {
    body.push(paragraph(START_DATE_PROMPT, { weight: 'bolder' }), settingsButton);
    lines.push(START_DATE_PROMPT);
    if (pathway.mandatory.length) {
      body.push(paragraph(`Mandatory for a ${role.toLowerCase()}`, { weight: 'bolder', spacing: 'medium' }));
      body.push(...pathway.mandatory.map((c) => courseBlock(c, undefined, nextSessionOf(c), style)));
      lines.push(`Mandatory for a ${role.toLowerCase()}:`, ...pathway.mandatory.map((c) => `- ${c.title}`));
    }
  } else {
    const intro = `As a ${role.toLowerCase()} who started on ${describeDate(pathway.startDate)}:`;
    body.push(paragraph(intro));
    lines.push(intro);
    if (pathway.mandatory.length) {
      body.push(paragraph('Mandatory', { weight: 'bolder', spacing: 'medium' }));
      for (const item of pathway.mandatory) {
        const status = item.overdue ? `Overdue: it was due by ${describeDate(item.due)}` : `Due by ${describeDate(item.due)}`;
        body.push(courseBlock(item.course, status, nextSessionOf(item.course), style, item.overdue));
        lines.push(`- ${item.course.title}: ${status}`);
      }
      body.push(paragraph(NOT_TRACKED, { isSubtle: true, size: 'small' }));
      lines.push(NOT_TRACKED);
    } else {
      body.push(paragraph('No course is mandatory for your role in the catalogue.'));
      lines.push('No course is mandatory for your role in the catalogue.');
    }
  }
  const recommended = pathway.recommended.slice(0, MAX_RECOMMENDED);
  if (recommended.length) {
    body.push(paragraph('Recommended', { weight: 'bolder', spacing: 'medium' }));
    body.push(...recommended.map((c) => courseBlock(c, undefined, nextSessionOf(c), style)));
    lines.push('Recommended:', ...recommended.map((c) => `- ${c.title}`));
  }
  return built(adaptiveCard(body, lines.join('\n')));
}
