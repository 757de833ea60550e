import { COMMON_CORE_LABEL, Course, EVERYONE, MandatoryRule } from '../../../knowledge/training/catalogue';
import { labelOf, ROLES, SECTORS } from '../../../knowledge/workforce';

const DELIVERY_LABEL: Record<Course['delivery'], string> = {
  'face-to-face': 'Face to face',
  online: 'Online',
  blended: 'Online and face to face',
  'e-learning': 'E-learning',
};

const LEVEL_LABEL: Record<Course['level'], string> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  qualification: 'Qualification route',
};

const roleLabel = (id: string): string => labelOf(ROLES, id) ?? id;
const sectorLabel = (id: string): string => labelOf(SECTORS, id) ?? id;

/** Lists names as people write them: "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Who a course is for, in words: its roles, else its sectors, else everyone. */
export function describeAudience(course: Course): string {
  if (course.audience.roles.length > 0) return listInWords(course.audience.roles.map(roleLabel));
  if (course.audience.sectors.includes(EVERYONE)) return "Everyone in the children's workforce";
  return `Staff in ${listInWords(course.audience.sectors.map(sectorLabel))}`;
}

/** One mandatory rule in words: "Everyone, within 3 months of starting". */
export function describeRule(rule: MandatoryRule): string {
  const who = rule.roles.includes(EVERYONE) ? 'Everyone' : listInWords(rule.roles.map(roleLabel));
  return `${who}, within ${rule.withinMonths} month${rule.withinMonths === 1 ? '' : 's'} of starting`;
}

/** Level, delivery and length: "Intermediate · Online and face to face · half a day". */
export function describeFormat(course: Course): string {
  return `${LEVEL_LABEL[course.level]} \u00b7 ${DELIVERY_LABEL[course.delivery]} \u00b7 ${course.duration}`;
}

/** The Common Core areas a course covers, in words. */
export function describeCommonCore(course: Course): string | undefined {
  return course.commonCore.length ? course.commonCore.map((a) => COMMON_CORE_LABEL[a]).join('; ') : undefined;
}
