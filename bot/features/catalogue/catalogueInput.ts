import { IANAZone } from 'luxon';
import { courseSchema, sessionSchema } from '../../../knowledge/training/catalogue';
import { localTimeProblem } from '../../../knowledge/training/catalogueLoader';
import { validateCatalogue } from '../../../knowledge/training/catalogueValidator';
import { FieldProblem, schemaProblems } from '../../platform/http/validationFailure';
import { CatalogueItem, catalogueOf, CatalogueKind, itemKey } from './catalogueItems';

/** A checked course or session, or every problem with the field it belongs to. */
export type CatalogueCheck = { ok: true; item: CatalogueItem } | { ok: false; problems: FieldProblem[] };

/** Fields a request may carry that are not part of the record itself. */
const NOT_FIELDS = new Set(['version', 'kind']);

/**
 * Checks one record's own fields with the schemas `kb:check` uses for the YAML, and for a session
 * that its zone is real and its local times exist in it.
 */
export function checkRecord(kind: CatalogueKind, fields: Record<string, unknown>): CatalogueCheck {
  if (kind === 'course') {
    const parsed = courseSchema.safeParse(fields);
    return parsed.success ? { ok: true, item: { kind, record: parsed.data } } : { ok: false, problems: schemaProblems(parsed.error.issues, 'course') };
  }
  const parsed = sessionSchema.safeParse(fields);
  // Times are checked even when other fields are wrong, so one answer lists every problem.
  const problems = [...(parsed.success ? [] : schemaProblems(parsed.error.issues, 'session')), ...timeProblems(fields)];
  return parsed.success && problems.length === 0 ? { ok: true, item: { kind, record: parsed.data } } : { ok: false, problems };
}

/** A session's zone must be real and its local times must exist in it. */
function timeProblems(fields: Record<string, unknown>): FieldProblem[] {
  const { timezone, start, end } = fields;
  if (typeof timezone !== 'string' || !timezone.trim()) return [];
  if (!IANAZone.isValidZone(timezone)) return [{ field: 'timezone', message: `"${timezone}" is not a time zone (write Europe/London)` }];
  return (['start', 'end'] as const).flatMap((field) => {
    const value = field === 'start' ? start : end;
    const problem = typeof value === 'string' && value.trim() ? localTimeProblem(value, timezone) : undefined;
    return problem ? [{ field, message: problem }] : [];
  });
}

/** The field a catalogue validator message is about ("session x.course: …" → course), else the record's kind. */
function fieldOf(message: string, kind: CatalogueKind): string {
  return /^(?:course|session) [^\s.:]+\.([^:\s]+):/.exec(message)?.[1] ?? kind;
}

/**
 * The catalogue-wide errors `changed` would bring in (unknown course, end before start, a name
 * another course claims, an http booking link…): the validator's errors with the change applied
 * that the live catalogue does not already have, so an old problem never blocks a new edit.
 */
export function newCatalogueErrors(live: readonly CatalogueItem[], changed: readonly CatalogueItem[], entryIds?: ReadonlySet<string>): string[] {
  const errors = (items: readonly CatalogueItem[]) =>
    validateCatalogue(catalogueOf(items), { entryIds })
      .filter((p) => p.level === 'error')
      .map((p) => p.message);
  const keyOf = (i: CatalogueItem) => itemKey(i.kind, i.record.id);
  const replaced = new Map(changed.map((i) => [keyOf(i), i]));
  const after = [...live.filter((i) => !replaced.has(keyOf(i))), ...changed];
  const before = new Set(errors(live));
  return errors(after).filter((m) => !before.has(m));
}

/**
 * Checks a course or session as a save would: the request's fields over `base` (the draft or live
 * record being edited), its own fields, then the whole catalogue with it in place.
 */
export function checkItem(
  kind: CatalogueKind,
  body: Record<string, unknown>,
  live: readonly CatalogueItem[],
  options: { base?: CatalogueItem; entryIds?: ReadonlySet<string> } = {},
): CatalogueCheck {
  const fields: Record<string, unknown> = { ...(options.base?.record ?? {}) };
  for (const [name, value] of Object.entries(body)) {
    if (NOT_FIELDS.has(name)) continue;
    // null clears an optional field (a session's venue once it moves online).
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  if (options.base && fields.id !== options.base.record.id)
    return { ok: false, problems: [{ field: 'id', message: `id: a ${kind}'s id cannot change; create a new ${kind} instead` }] };
  const checked = checkRecord(kind, fields);
  if (!checked.ok) return checked;
  const errors = newCatalogueErrors(live, [checked.item], options.entryIds);
  return errors.length ? { ok: false, problems: errors.map((message) => ({ field: fieldOf(message, kind), message })) } : checked;
}
