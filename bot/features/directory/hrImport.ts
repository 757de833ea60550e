import { z } from 'zod';
import { CsvLayout, readCsvTable } from '../../platform/csvTable';
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

const LAYOUT: CsvLayout<keyof Row> = {
  columns: COLUMNS,
  required: ['email'],
  requiredBecause: 'every person needs an email address',
  maxRows: MAX_IMPORT_ROWS,
  rowIs: 'person',
  rowsAre: 'people',
  headerHint: 'email, name, department, job_title, office_location, company_name or active',
};

/**
 * Reads a partner organisation's HR export (CSV with a header row). Every bad row is reported with
 * its line number, and the file is only usable when none is bad, so nothing is half-imported.
 * Values are kept as text: a cell like "=HYPERLINK(…)" is stored as those characters and never run.
 */
export function readHrFile(csv: string): HrFile {
  const people: DirectoryPersonInput[] = [];
  const firstLine = new Map<string, number>();
  const problems = readCsvTable(csv, LAYOUT, ({ cells, line }) => {
    const checked = rowSchema.safeParse(cells);
    if (!checked.success)
      return checked.error.issues.map((issue) => ({ field: `line ${line}`, message: `${String(issue.path[0] ?? 'row')} ${issue.message}` }));
    const row = checked.data;
    const earlier = firstLine.get(row.email);
    if (earlier) return [{ field: `line ${line}`, message: `email ${row.email} is already on line ${earlier}` }];
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
    return [];
  });
  return problems.length ? { ok: false, problems } : { ok: true, people };
}
