import { expect } from 'chai';
import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../../knowledge/surveys/templateLoader';
import { computeResults } from '../../../../bot/features/surveys/computeResults';
import { resultsCsv } from '../../../../bot/features/surveys/resultsCsv';
import { TalliedResponse, waveTallyFromResponses } from '../../../../bot/features/surveys/waveTally';

/** A response as tallies are made from it, with its comment. */
type StoredResponse = TalliedResponse & { comment: string | null };

/** Parses the CSV the export writes (RFC 4180: quoted fields, doubled quotes). */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  for (const line of csv.trimEnd().split('\n')) {
    const cells: string[] = [];
    const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
    for (let m = pattern.exec(line); m && m.index < line.length + 1; m = pattern.exec(line)) {
      cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
      if (m[2] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

const template = loadTemplatesOrThrow().find((t) => t.id === 'induction-feedback')!;
const NOW = DateTime.fromISO('2026-11-30T12:00', { zone: 'Europe/London' });
const wave = {
  id: 4,
  name: 'Induction',
  templateId: template.id,
  template,
  threshold: 5,
  invited: 10,
  opensAt: NOW.minus({ days: 3 }),
  closesAt: NOW.plus({ days: 3 }),
};
const input = (responses: StoredResponse[]) => ({
  wave,
  tally: waveTallyFromResponses(template, responses),
  comments: responses.map((r) => r.comment).filter((c): c is string => Boolean(c)),
  release: { number: 2, responses: responses.length, releasedAt: '2026-11-30T11:00:00.000Z', notIncluded: 0, waiting: 3 },
  now: NOW,
});
const response = (locality: string, comment: string | null = null): StoredResponse => ({
  sector: 'health',
  locality,
  comment,
  answers: { 'completed-in-three-months': 'yes', 'induction-route': 'none', usefulness: 4 },
});

describe('resultsCsv', () => {
  it('writes one aggregate per row and never a comment or a hidden figure', () => {
    const responses = [
      ...Array.from({ length: 6 }, () => response('=HYPERLINK("http://evil")', 'my manager is great')),
      ...Array.from({ length: 5 }, () => response('Charnwood')),
      response('Melton'),
    ];
    const rows = parse(resultsCsv(computeResults(input(responses)))) as string[][];
    expect(rows[0]).to.deep.equal(['scope', 'segment', 'question_id', 'question', 'measure', 'option', 'value']);
    expect(rows).to.deep.include(['overall', '', '', '', 'responses', '', '12']);
    expect(rows).to.deep.include(['overall', '', 'usefulness', 'How useful was your induction?', 'favourable_percent', '', '100']);
    expect(rows).to.deep.include(['locality', '\'=HYPERLINK("http://evil")', '', '', 'responses', '', '6']);
    expect(rows).to.deep.include(['locality', '', '', '', 'suppressed_segments', '', '2']);
    expect(rows.flat().join(' ')).to.not.match(/Melton|Charnwood|my manager/);
    expect(rows.every((r) => r.length === 7)).to.equal(true);
    // The same release as the API, and when the next update comes.
    expect(rows).to.deep.include(['release', '', '', '', 'number', '', '2']);
    expect(rows).to.deep.include(['release', '', '', '', 'next_update_after', '', '2']);
    expect(rows).to.deep.include(['release', '', '', '', 'note', '', 'Figures as released Monday 30 November 2026 at 11:00. Updates after 2 more responses.']);
  });

  it('holds only the reason when results are suppressed', () => {
    const csv = resultsCsv(computeResults(input([response('Melton')])));
    const rows = parse(csv) as string[][];
    expect(rows.filter((r) => r[0] === 'overall')).to.deep.equal([['overall', '', '', '', 'suppressed', '', 'fewer than 5 responses so far']]);
    expect(rows.filter((r) => !['survey', 'overall', 'scope', 'release'].includes(r[0]))).to.deep.equal([]);
  });
});
