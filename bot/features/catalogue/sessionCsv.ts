import { describeFieldChanges } from '../content/entryDiff';
import { CsvLayout, readCsvTable } from '../../platform/csvTable';
import { FieldProblem } from '../../platform/http/validationFailure';
import { checkRecord, newCatalogueErrors } from './catalogueInput';
import { CatalogueItem, itemKey, SessionRecord } from './catalogueItems';

/** Rows one import may hold (a year of an LMS's sessions, with room to spare). */
export const MAX_SESSION_ROWS = 5000;

/** The columns an LMS export may have, by normalised header, and the session field each fills. */
const COLUMNS: Record<string, keyof SessionRecord> = {
  id: 'id',
  session_id: 'id',
  session: 'id',
  course: 'course',
  course_id: 'course',
  start: 'start',
  starts: 'start',
  start_time: 'start',
  end: 'end',
  ends: 'end',
  end_time: 'end',
  timezone: 'timezone',
  time_zone: 'timezone',
  online: 'online',
  venue: 'venue',
  location: 'venue',
  places_left: 'places_left',
  places: 'places_left',
  spaces_left: 'places_left',
  status: 'status',
  booking_url: 'booking_url',
  booking_link: 'booking_url',
};

/** A session row that could be read, with the line it came from. */
export interface SessionRow {
  line: number;
  item: CatalogueItem & { kind: 'session' };
}

/** What an import would do: sessions to add and to change (with what changes), those already the same, and every bad row. */
export interface SessionImportPlan {
  add: SessionRow[];
  change: (SessionRow & { changes: string[] })[];
  same: SessionRow[];
  problems: FieldProblem[];
}

const LAYOUT: CsvLayout<keyof SessionRecord> = {
  columns: COLUMNS,
  required: ['id', 'course', 'start', 'end', 'places_left'],
  maxRows: MAX_SESSION_ROWS,
  rowIs: 'session',
  rowsAre: 'sessions',
  headerHint: [...new Set(Object.values(COLUMNS))].join(', '),
};

/** A row's cells as session fields: numbers, yes/no and "2027-01-14 09:30" read as the YAML would have them. */
function fieldsOf(cells: Partial<Record<keyof SessionRecord, string>>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(cells) as [keyof SessionRecord, string][]) {
    if (value === '') continue;
    if (name === 'places_left') fields[name] = /^\d+$/.test(value) ? Number(value) : value;
    else if (name === 'online')
      fields[name] = ['yes', 'true', '1', 'y'].includes(value.toLowerCase()) ? true : ['no', 'false', '0', 'n'].includes(value.toLowerCase()) ? false : value;
    else if (name === 'start' || name === 'end') fields[name] = value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/, '$1T$2');
    else if (name === 'status') fields[name] = value.toLowerCase();
    else fields[name] = value;
  }
  fields.timezone ??= 'Europe/London';
  return fields;
}

/**
 * Reads an LMS export of sessions (CSV with a header row). Every bad row is reported with its line;
 * cells are kept as text, so a cell holding HTML or "=HYPERLINK(…)" is stored as those characters.
 */
export function readSessionCsv(csv: string): { rows: SessionRow[]; problems: FieldProblem[] } {
  const rows: SessionRow[] = [];
  const firstLine = new Map<string, number>();
  const problems = readCsvTable(csv, LAYOUT, ({ cells, line }) => {
    const checked = checkRecord('session', fieldsOf(cells));
    if (!checked.ok) return checked.problems.map((p) => ({ field: `line ${line}`, message: `${p.field}: ${p.message}` }));
    const id = checked.item.record.id;
    const earlier = firstLine.get(id);
    if (earlier) return [{ field: `line ${line}`, message: `session ${id} is already on line ${earlier}` }];
    firstLine.set(id, line);
    rows.push({ line, item: checked.item as SessionRow['item'] });
    return [];
  });
  return { rows, problems };
}

/**
 * What importing the file into `live` would do. Rows the whole catalogue refuses (a course that
 * does not exist, an end before the start) are bad rows too, each named with its line.
 */
export function planSessionImport(csv: string, live: readonly CatalogueItem[], entryIds?: ReadonlySet<string>): SessionImportPlan {
  const { rows, problems } = readSessionCsv(csv);
  const lineOf = new Map(rows.map((r) => [r.item.record.id, r.line]));
  const refused = new Set<number>();
  for (const message of newCatalogueErrors(
    live,
    rows.map((r) => r.item),
    entryIds,
  )) {
    const line = lineOf.get(/^session ([^\s.:]+)/.exec(message)?.[1] ?? '');
    problems.push({ field: line ? `line ${line}` : 'file', message });
    if (line) refused.add(line);
  }
  problems.sort((a, b) => (Number(a.field.slice(5)) || 0) - (Number(b.field.slice(5)) || 0));
  const current = new Map(live.map((i) => [itemKey(i.kind, i.record.id), i]));
  const plan: SessionImportPlan = { add: [], change: [], same: [], problems };
  for (const row of rows.filter((r) => !refused.has(r.line))) {
    const existing = current.get(itemKey('session', row.item.record.id));
    if (!existing) plan.add.push(row);
    else if (JSON.stringify(existing.record) === JSON.stringify(row.item.record)) plan.same.push(row);
    else plan.change.push({ ...row, changes: describeFieldChanges(existing.record, row.item.record) });
  }
  return plan;
}
