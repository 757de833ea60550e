import { expect } from 'chai';
import { CsvLayout, readCsvTable } from '../../../bot/platform/csvTable';

type Field = 'email' | 'name';
const LAYOUT: CsvLayout<Field> = {
  columns: { email: 'email', email_address: 'email', full_name: 'name' },
  required: ['email'],
  requiredBecause: 'every person needs one',
  maxRows: 3,
  rowIs: 'person',
  rowsAre: 'people',
  headerHint: 'email or full_name',
};
/** Reads a file, returning the rows handed over and every problem as "field: message". */
function read(csv: string, layout = LAYOUT) {
  const rows: { line: number; cells: Partial<Record<Field, string>> }[] = [];
  const problems = readCsvTable(csv, layout, (row) => {
    rows.push(row);
    return row.cells.email === 'bad' ? [{ field: `line ${row.line}`, message: 'email is bad' }] : [];
  });
  return { rows, problems };
}
const messages = (csv: string) => read(csv).problems.map((p) => `${p.field}: ${p.message}`);

describe('readCsvTable', () => {
  it("reads cells by field from headers written in any case and spacing, keeping each row's line", () => {
    const { rows, problems } = read('\uFEFFE-mail Address,Full Name\na@x.uk,Ann\n\n"b@x.uk","Bea, Jr"\n', {
      ...LAYOUT,
      columns: { e_mail_address: 'email', full_name: 'name' },
    });
    expect(problems).to.deep.equal([]);
    expect(rows).to.deep.equal([
      { line: 2, cells: { email: 'a@x.uk', name: 'Ann' } },
      { line: 4, cells: { email: 'b@x.uk', name: 'Bea, Jr' } },
    ]);
  });

  it('lists every header problem at once and reads no rows', () => {
    expect(messages('full_name,salary,full_name\nAnn,1,Ann\n')).to.deep.equal([
      'line 1: Unknown column "salary": use email or full_name.',
      'line 1: The header has no "email" column; every person needs one.',
      'line 1: A column appears twice in the header.',
    ]);
  });

  it('refuses an empty file, a header alone, and more rows than allowed, saying what to send', () => {
    expect(messages('')).to.deep.equal(['file: The file is empty: send a header row (email or full_name) and one row per person.']);
    expect(messages('email\n')).to.deep.equal(['file: The file has a header but no people.']);
    expect(messages('email\na\nb\nc\nd\n')).to.deep.equal(['file: The file has 4 rows; send at most 3 at a time.']);
  });

  it('reports a row with the wrong number of values by its line, reads the others, and keeps every problem in line order', () => {
    const { rows, problems } = read('email,full_name\nbad,Ann\nb@x.uk\nbad,Cal\n');
    expect(rows.map((r) => r.line)).to.deep.equal([2, 4]);
    expect(problems.map((p) => p.field)).to.deep.equal(['line 2', 'line 3', 'line 4']);
    expect(problems[1].message).to.equal('has 1 values; the header has 2.');
  });

  it('says where unreadable CSV breaks, and keeps formulas and markup as text', () => {
    expect(messages('email\n"a@x.uk\n')[0]).to.match(/^line \d+: This is not readable CSV/);
    expect(read('email,full_name\na@x.uk,"=HYPERLINK(""http://x"")<b>"\n').rows[0].cells.name).to.equal('=HYPERLINK("http://x")<b>');
  });
});
