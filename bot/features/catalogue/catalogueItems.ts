import { Kysely } from 'kysely';
import { z } from 'zod';
import { Course, courseSchema, Session, sessionSchema, toCourse, toSession, TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { describeFieldChanges } from '../content/entryDiff';
import { ReviewedRecords } from '../../platform/store/reviewedRecords';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock } from '../../platform/store/timestamps';

/** A course as written in courses.yaml (snake_case fields, defaults filled in). */
export type CourseRecord = z.output<typeof courseSchema>;
/** A session as written in sessions.yaml (local times as text, in its own zone). */
export type SessionRecord = z.output<typeof sessionSchema>;

/** The two kinds of record in the catalogue. */
export const CATALOGUE_KINDS = ['course', 'session'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

/** One course or session as the database keeps it: the YAML record, so export writes it back unchanged. */
export type CatalogueItem = { kind: 'course'; record: CourseRecord } | { kind: 'session'; record: SessionRecord };

/** The key an item is stored under: "course:<id>" or "session:<id>". */
export const itemKey = (kind: CatalogueKind, id: string): string => `${kind}:${id}`;

/** Who wrote the versions that came from the shipped YAML (never a person). */
export const SHIPPED_YAML = 'shipped files';

/** A course back as its YAML record (the inverse of toCourse), through the schema so defaults and key order match. */
export function courseRecordOf(course: Course): CourseRecord {
  return courseSchema.parse({
    id: course.id,
    title: course.title,
    summary: course.summary,
    provider: course.provider,
    contact: course.contact,
    booking_url: course.bookingUrl,
    audience: { sectors: course.audience.sectors, roles: course.audience.roles },
    level: course.level,
    delivery: course.delivery,
    duration: course.duration,
    common_core: course.commonCore,
    mandatory: course.mandatory.map((m) => ({ roles: m.roles, within_months: m.withinMonths })),
    acronyms: course.acronyms,
    aliases: course.aliases,
    tags: course.tags,
    related_entries: course.relatedEntries,
  });
}

/** A session back as its YAML record (the inverse of toSession): local times to the minute in its zone. */
export function sessionRecordOf(session: Session): SessionRecord {
  const local = (t: Session['start']) => t.setZone(session.timezone).toFormat("yyyy-MM-dd'T'HH:mm");
  return sessionSchema.parse({
    id: session.id,
    course: session.courseId,
    start: local(session.start),
    end: local(session.end),
    timezone: session.timezone,
    online: session.online,
    ...(session.venue !== undefined ? { venue: session.venue } : {}),
    places_left: session.placesLeft,
    status: session.cancelled ? 'cancelled' : 'scheduled',
    ...(session.bookingUrl !== undefined ? { booking_url: session.bookingUrl } : {}),
  });
}

/** Every course and session of a catalogue as items. */
export function itemsOf(catalogue: TrainingCatalogue): CatalogueItem[] {
  return [
    ...catalogue.courses.map((c): CatalogueItem => ({ kind: 'course', record: courseRecordOf(c) })),
    ...catalogue.sessions.map((s): CatalogueItem => ({ kind: 'session', record: sessionRecordOf(s) })),
  ];
}

/**
 * Items as the catalogue the bot serves. Courses keep the order of `order` (the shipped YAML's,
 * which the "all courses" list follows); courses added since come after, by id.
 */
export function catalogueOf(items: readonly CatalogueItem[], order: readonly string[] = []): TrainingCatalogue {
  const position = new Map(order.map((id, i) => [id, i]));
  const rank = (id: string) => position.get(id) ?? order.length;
  const courses = items
    .flatMap((i) => (i.kind === 'course' ? [toCourse(i.record)] : []))
    .sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sessions = items.flatMap((i) => (i.kind === 'session' ? [toSession(i.record)] : []));
  return { courses, sessions };
}

/** The training catalogue in the database (catalogue_items), reviewed like knowledge entries; publishes bump the "catalogue" revision. */
export class CatalogueStore extends ReviewedRecords<CatalogueItem> {
  constructor(db: Kysely<DatabaseSchema>, now: Clock) {
    super(db, now, {
      records: 'catalogue_items',
      versions: 'catalogue_versions',
      revisionName: 'catalogue',
      keyOf: (item) => itemKey(item.kind, item.record.id),
      describe: (before, after) => (before ? describeFieldChanges(before.record, after.record).join('\n') || 'no change' : 'created'),
    });
  }
}
