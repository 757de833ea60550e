import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * The training catalogue: courses and their dated sessions, as the workforce-development team
 * writes them in `courses.yaml` and `sessions.yaml`. Schemas check each record's shape; the
 * checks that need the whole catalogue live in catalogueValidator.ts.
 */

/** The six areas of the Common Core, by the short names the catalogue uses. */
export const COMMON_CORE_AREAS = ['communication', 'development', 'safeguarding', 'transitions', 'multi-agency', 'information-sharing'] as const;
export type CommonCoreArea = (typeof COMMON_CORE_AREAS)[number];

export const COMMON_CORE_LABEL: Record<CommonCoreArea, string> = {
  communication: 'Communication and engagement',
  development: 'Child and young person development',
  safeguarding: 'Safeguarding and promoting welfare',
  transitions: 'Supporting transitions',
  'multi-agency': 'Multi-agency working',
  'information-sharing': 'Sharing information',
};

export const DELIVERY_MODES = ['face-to-face', 'online', 'blended', 'e-learning'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const COURSE_LEVELS = ['introductory', 'intermediate', 'advanced', 'qualification'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/** The word that stands for every sector or every role in audiences and mandatory rules. */
export const EVERYONE = 'all';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = z.string().regex(ID, 'must be lower case letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const textList = z.array(text).default([]);

/** A mandatory rule: these roles must complete the course within so many months of starting. */
const mandatoryRuleSchema = z
  .object({
    roles: z.array(text).min(1, 'name at least one role (or all)'),
    within_months: z.number().int().min(1).max(36),
  })
  .strict();

/** One course as written in courses.yaml. */
export const courseSchema = z
  .object({
    id,
    title: text,
    summary: text.max(400, 'must be at most 400 characters'),
    provider: text,
    contact: text,
    booking_url: text,
    audience: z.object({ sectors: z.array(text).min(1, 'name at least one sector (or all)'), roles: textList }).strict(),
    level: z.enum(COURSE_LEVELS),
    delivery: z.enum(DELIVERY_MODES),
    duration: text,
    common_core: z.array(z.enum(COMMON_CORE_AREAS)).default([]),
    mandatory: z.array(mandatoryRuleSchema).default([]),
    acronyms: textList,
    aliases: textList,
    tags: textList,
    related_entries: textList,
  })
  .strict();

/** One session as written in sessions.yaml: local date-times in an explicit time zone. */
export const sessionSchema = z
  .object({
    id,
    course: id,
    start: text,
    end: text,
    timezone: text,
    online: z.boolean().default(false),
    venue: text.optional(),
    places_left: z.number().int().min(0),
    status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
    booking_url: text.optional(),
  })
  .strict()
  .refine((s) => s.online !== (s.venue !== undefined), { message: 'give either online: true or a venue, not both or neither', path: ['venue'] });

/** A mandatory rule, ready to apply to a profile. */
export interface MandatoryRule {
  /** Role ids, or `all`. */
  roles: string[];
  withinMonths: number;
}

/** One course, as the search, the pathway and the cards use it. */
export interface Course {
  id: string;
  title: string;
  summary: string;
  provider: string;
  contact: string;
  bookingUrl: string;
  /** Sector ids (or `all`) and role ids the course is meant for. */
  audience: { sectors: string[]; roles: string[] };
  level: CourseLevel;
  delivery: DeliveryMode;
  duration: string;
  commonCore: CommonCoreArea[];
  mandatory: MandatoryRule[];
  acronyms: string[];
  aliases: string[];
  tags: string[];
  /** Knowledge-base entries the course teaches about; the first is shown on its card. */
  relatedEntries: string[];
}

/** One dated session of a course. Times are in the session's own zone (Europe/London). */
export interface Session {
  id: string;
  courseId: string;
  start: DateTime;
  end: DateTime;
  timezone: string;
  online: boolean;
  venue?: string;
  placesLeft: number;
  cancelled: boolean;
  /** Where to book this session, when it differs from the course's booking page. */
  bookingUrl?: string;
}

/** Every course and session. */
export interface TrainingCatalogue {
  courses: Course[];
  sessions: Session[];
}

/** Turns a checked YAML course into the shape the code uses. */
export function toCourse(raw: z.infer<typeof courseSchema>): Course {
  return {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    provider: raw.provider,
    contact: raw.contact,
    bookingUrl: raw.booking_url,
    audience: { sectors: raw.audience.sectors, roles: raw.audience.roles },
    level: raw.level,
    delivery: raw.delivery,
    duration: raw.duration,
    commonCore: raw.common_core,
    mandatory: raw.mandatory.map((m) => ({ roles: m.roles, withinMonths: m.within_months })),
    acronyms: raw.acronyms,
    aliases: raw.aliases,
    tags: raw.tags,
    relatedEntries: raw.related_entries,
  };
}

/**
 * Turns a checked YAML session into the shape the code uses. Its local times are read in its own
 * zone; an impossible value gives an invalid DateTime, which the validator reports.
 */
export function toSession(raw: z.infer<typeof sessionSchema>): Session {
  const read = (local: string) => DateTime.fromISO(local, { zone: raw.timezone });
  return {
    id: raw.id,
    courseId: raw.course,
    start: read(raw.start),
    end: read(raw.end),
    timezone: raw.timezone,
    online: raw.online,
    venue: raw.venue,
    placesLeft: raw.places_left,
    cancelled: raw.status === 'cancelled',
    bookingUrl: raw.booking_url,
  };
}
