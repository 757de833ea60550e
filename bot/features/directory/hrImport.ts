import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { FieldProblem } from '../../platform/http/validationFailure';
import { DirectoryPersonInput } from './directoryStore';

/** Rows one import may hold (a partner organisation's staff list). */
export const MAX_IMPORT_ROWS = 20000;

/** The columns an HR file may have, by their normalised header; `email` is required. */
const COLUMNS: Record<string, keyof Row> = {
  email: 'email',
  email_address: 'email',
  mail: 'email',
  name: 'name',
  display_name: 'name',
  full_name: 'name',
  department: 'department',
  job_title: 'jobTitle',
  jobtitle: 'jobTitle',
  title: 'jobTitle',
  office_location: 'officeLocation',
  officelocation: 'officeLocation',
  office: 'officeLocation',
  location: 'officeLocation',
  company_name: 'companyName',
  companyname: 'companyName',
  company: 'companyName',
  organisation: 'companyName',
  organization: 'companyName',
  employer: 'companyName',
  active: 'active',
};

interface Row {
  email: string;
  name?: string;
  department?: string;
  jobTitle?: string;
  officeLocation?: string;
  companyName?: string;
  active?: string;
}

// Control characters (other than tab) never belong in a staff list; they are how some injections hide.
const text = z
  .string()
  .max(300, 'is longer than 300 characters')
  // Control characters are exactly what this refuses.
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), 'contains control characters')
  .optional();
const rowSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('is not an email address').max(320)),
  name: text,
  department: text,
  jobTitle: text,
  officeLocation: text,
  companyName: text,
  active: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .refine((v) => v === undefined || v === '' || ['yes', 'no', 'true', 'false', '1', '0', 'y', 'n'].includes(v), 'must be yes or no'),
});

/** A checked HR file: the people in it, or every problem with the line it is on. */
export type HrFile = { ok: true; people: DirectoryPersonInput[] } | { ok: false; problems: FieldProblem[] };

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * Reads a partner organisation's HR export (CSV with a header row). Every bad row is reported with
 * its line number, and the file is only usable when none is bad, so nothing is half-imported.
 * Values are kept as text: a cell like "=HYPERLINK(…)" is stored as those characters and never run.
 */
export function readHrFile(csv: string): HrFile {
  let records: { record: string[]; line: number }[];
  try {
    records = (
      parse(csv, { info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).map((r) => ({
      record: r.record,
      line: r.info.lines,
    }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { ok: false, problems: [{ field: line ? `line ${line}` : 'file', message: `This is not readable CSV: ${(err as Error).message}` }] };
  }
  if (records.length === 0)
    return {
      ok: false,
      problems: [
        {
          field: 'file',
          message: 'The file is empty: send a header row (email, name, department, job_title, office_location, company_name) and one row per person.',
        },
      ],
    };
  const [header, ...rows] = records;
  const problems: FieldProblem[] = [];
  const columns = header.record.map((h) => COLUMNS[normalise(h)]);
  header.record.forEach((h, i) => {
    if (!columns[i])
      problems.push({
        field: `line ${header.line}`,
        message: `Unknown column "${h}": use email, name, department, job_title, office_location, company_name or active.`,
      });
  });
  if (!columns.includes('email'))
    problems.push({ field: `line ${header.line}`, message: 'The header has no "email" column; every person needs an email address.' });
  if (new Set(columns.filter(Boolean)).size !== columns.filter(Boolean).length)
    problems.push({ field: `line ${header.line}`, message: 'A column appears twice in the header.' });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ field: 'file', message: `The file has ${rows.length} rows; send at most ${MAX_IMPORT_ROWS} at a time.` });
  if (problems.length) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ field: 'file', message: 'The file has a header but no people.' }] };

  const people: DirectoryPersonInput[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    if (record.length !== columns.length) {
      problems.push({ field: `line ${line}`, message: `has ${record.length} values; the header has ${columns.length}.` });
      continue;
    }
    const raw: Record<string, string> = {};
    columns.forEach((c, i) => (raw[c!] = record[i]));
    const checked = rowSchema.safeParse(raw);
    if (!checked.success) {
      for (const issue of checked.error.issues) problems.push({ field: `line ${line}`, message: `${String(issue.path[0] ?? 'row')} ${issue.message}` });
      continue;
    }
    const row = checked.data;
    const earlier = firstLine.get(row.email);
    if (earlier) {
      problems.push({ field: `line ${line}`, message: `email ${row.email} is already on line ${earlier}` });
      continue;
    }
    firstLine.set(row.email, line);
    people.push({
      source: 'hr',
      email: row.email,
      displayName: row.name || undefined,
      attributes: {
        department: row.department || undefined,
        jobTitle: row.jobTitle || undefined,
        officeLocation: row.officeLocation || undefined,
        companyName: row.companyName || undefined,
      },
      enabled: !['no', 'false', '0', 'n'].includes(row.active ?? ''),
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, people };
}
