import { parse } from 'csv-parse/sync';
import { FieldProblem } from './http/validationFailure';

/** How one kind of CSV upload is laid out: its columns by normalised header, and what it must hold. */
export interface CsvLayout<F extends string> {
  /** Normalised header (lower case, runs of other characters as "_") → the field it fills. */
  columns: Record<string, F>;
  required: F[];
  maxRows: number;
  /** What one row is and what many are, for messages ("session" / "sessions"). */
  rowIs: string;
  rowsAre: string;
  /** The headers to suggest when a file is empty or names an unknown column. */
  headerHint: string;
  /** Why a required column matters, added to its "missing" message. */
  requiredBecause?: string;
}

/** A data row's cells by field, with the line it started on. */
export interface CsvRow<F extends string> {
  line: number;
  cells: Partial<Record<F, string>>;
}

const normaliseHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * Reads a CSV upload with a header row and hands each data row's cells by field to `readRow`, which
 * returns that row's problems. Header and size problems stop the read; a row with the wrong number of
 * values is reported by its line and skipped; every problem is returned in line order, so callers can
 * list every bad row at once. Cells stay text: "=HYPERLINK(…)" is kept as those characters.
 */
export function readCsvTable<F extends string>(csv: string, layout: CsvLayout<F>, readRow: (row: CsvRow<F>) => FieldProblem[]): FieldProblem[] {
  let records: { record: string[]; line: number }[];
  try {
    records = (
      parse(csv, { info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return [{ field: line ? `line ${line}` : 'file', message: `This is not readable CSV: ${(err as Error).message}` }];
  }
  if (records.length === 0) return [{ field: 'file', message: `The file is empty: send a header row (${layout.headerHint}) and one row per ${layout.rowIs}.` }];

  const [header, ...body] = records;
  const columns = header.record.map((h) => layout.columns[normaliseHeader(h)] as F | undefined);
  const problems: FieldProblem[] = [];
  const at = `line ${header.line}`;
  header.record.forEach((h, i) => {
    if (!columns[i]) problems.push({ field: at, message: `Unknown column "${h}": use ${layout.headerHint}.` });
  });
  for (const needed of layout.required)
    if (!columns.includes(needed))
      problems.push({ field: at, message: `The header has no "${needed}" column${layout.requiredBecause ? `; ${layout.requiredBecause}` : ''}.` });
  const named = columns.filter(Boolean);
  if (new Set(named).size !== named.length) problems.push({ field: at, message: 'A column appears twice in the header.' });
  if (body.length > layout.maxRows) problems.push({ field: 'file', message: `The file has ${body.length} rows; send at most ${layout.maxRows} at a time.` });
  if (body.length === 0) problems.push({ field: 'file', message: `The file has a header but no ${layout.rowsAre}.` });
  if (problems.length) return problems;

  for (const { record, line } of body) {
    if (record.length !== columns.length) {
      problems.push({ field: `line ${line}`, message: `has ${record.length} values; the header has ${columns.length}.` });
      continue;
    }
    const cells: Partial<Record<F, string>> = {};
    columns.forEach((c, i) => (cells[c!] = record[i]));
    problems.push(...readRow({ line, cells }));
  }
  return problems;
}
