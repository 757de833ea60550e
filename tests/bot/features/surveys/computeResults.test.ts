import { expect } from 'chai';
import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../../knowledge/surveys/templateLoader';
import { computeResults, ResultsInput, SurveyResults } from '../../../../bot/features/surveys/computeResults';
import { segmentsToHide } from '../../../../bot/features/surveys/segmentSuppression';
import { TalliedResponse, waveTallyFromResponses } from '../../../../bot/features/surveys/waveTally';

/** A response as tallies are made from it, with its comment. */
type StoredResponse = TalliedResponse & { comment: string | null };

const wellbeing = loadTemplatesOrThrow().find((t) => t.id === 'wellbeing-pulse')!;
const induction = loadTemplatesOrThrow().find((t) => t.id === 'induction-feedback')!;
const NOW = DateTime.fromISO('2026-11-30T12:00', { zone: 'Europe/London' });

const wave = (extra: Partial<ResultsInput['wave']> = {}): ResultsInput['wave'] => ({
  id: 2,
  name: 'Wellbeing, November',
  templateId: wellbeing.id,
  template: wellbeing,
  threshold: 5,
  invited: 20,
  opensAt: NOW.minus({ days: 7 }),
  closesAt: NOW.plus({ days: 1 }),
  ...extra,
});

/** A response with every wellbeing rating at `rating`, the eNPS answer `recommend`, and segment values. */
const answer = (
  rating: number,
  recommend: number,
  sector: string | null = 'health',
  locality: string | null = 'Melton',
  comment: string | null = null,
): StoredResponse => ({
  sector,
  locality,
  comment,
  answers: { workload: rating, 'manager-support': rating, supervision: rating, valued: rating, wellbeing: rating, recommend },
});

/** The results input for responses (tallied as the database would) and, optionally, a previous wave. */
const input = (
  w: ResultsInput['wave'],
  responses: StoredResponse[],
  previous?: { wave: Pick<ResultsInput['wave'], 'id' | 'name' | 'template' | 'threshold' | 'closesAt'>; responses: StoredResponse[] },
): ResultsInput => ({
  wave: w,
  tally: waveTallyFromResponses(w.template, responses),
  comments: responses.map((r) => r.comment).filter((c): c is string => Boolean(c)),
  release: { number: 1, responses: responses.length, releasedAt: '2026-11-30T11:00:00.000Z', notIncluded: 0, waiting: 0 },
  previous: previous && { wave: previous.wave, tally: waveTallyFromResponses(previous.wave.template, previous.responses) },
  now: NOW,
});

const shown = <T extends { suppressed: boolean }>(section: T): Exclude<T, { suppressed: true }> => {
  expect(section.suppressed, JSON.stringify(section)).to.equal(false);
  return section as Exclude<T, { suppressed: true }>;
};

/** Every number anywhere in a results object, to prove suppressed results carry no figures. */
function figures(results: SurveyResults): number[] {
  // The survey's settings and the release (its number and when) say nothing about anyone's answers.
  const { survey: _survey, release: _release, ...rest } = results;
  return (
    JSON.stringify(rest)
      .match(/-?\d+(\.\d+)?/g)
      ?.map(Number) ?? []
  );
}

describe('computeResults', () => {
  it('says when a pulse that has not opened yet opens, not that it has too few responses', () => {
    const opensAt = DateTime.fromISO('2027-09-01T09:00', { zone: 'Europe/London' });
    const results = computeResults(input(wave({ opensAt, closesAt: opensAt.plus({ days: 7 }) }), []));
    expect(results.survey.status).to.equal('scheduled');
    expect(results.responses).to.deep.equal({ suppressed: true, reason: 'the pulse opens on 1 Sep 2027 at 09:00' });
  });

  it('hides everything at 4 responses, saying only "fewer than 5 responses so far"', () => {
    const results = computeResults(
      input(
        wave(),
        [1, 2, 3, 4].map((r) => answer(r, 9)),
      ),
    );
    for (const section of [results.responses, results.questions, results.comments, results.segments, results.trend]) {
      expect(section).to.deep.equal({ suppressed: true, reason: 'fewer than 5 responses so far' });
    }
    expect(figures(results).filter((n) => n !== 5)).to.deep.equal([]);
  });

  it('shows results at 5 responses: counts, rate, distribution, mean and favourability', () => {
    const results = computeResults(
      input(
        wave(),
        [5, 4, 3, 2, 1].map((r) => answer(r, 8)),
      ),
    );
    expect(shown(results.responses)).to.include({ count: 5, invited: 20, rate: 25 });
    const workload = shown(results.questions).items.find((q) => q.id === 'workload')!;
    expect(workload.answered).to.equal(5);
    expect(workload.distribution.map((d) => d.count)).to.deep.equal([1, 1, 1, 1, 1]);
    expect(workload.distribution[3]).to.deep.include({ value: 4, label: '4 \u2013 Agree', percent: 20 });
    expect(workload.mean).to.equal(3);
    expect(workload.favourability).to.deep.equal({ favourable: 40, neutral: 20, unfavourable: 40 });
  });

  it('computes eNPS as % promoters (9\u201310) minus % detractors (0\u20136)', () => {
    const recommend = [10, 9, 9, 8, 7, 6, 3, 0, 10, 9];
    const results = computeResults(
      input(
        wave(),
        recommend.map((n) => answer(4, n)),
      ),
    );
    const q = shown(results.questions).items.find((i) => i.id === 'recommend')!;
    expect(q.enps).to.deep.equal({ score: 20, promoters: 50, passives: 20, detractors: 30 });
    expect(q.mean).to.equal(7.1);
    expect(q.distribution).to.have.length(11);
  });

  it('reports yes/no and single-choice answers as distributions, and skips blank optional answers', () => {
    const responses: StoredResponse[] = ['yes', 'yes', 'no', 'yes', 'no', 'yes'].map((done, i) => ({
      sector: null,
      locality: null,
      comment: null,
      answers: { 'completed-in-three-months': done, usefulness: 4, ...(i < 4 ? { 'induction-route': 'common-induction-standards' } : {}) },
    }));
    const results = computeResults(input(wave({ template: induction, templateId: induction.id }), responses));
    const items = shown(results.questions).items;
    expect(items.find((q) => q.id === 'completed-in-three-months')!.distribution.map((d) => [d.label, d.count, d.percent])).to.deep.equal([
      ['Yes', 4, 66.7],
      ['No', 2, 33.3],
    ]);
    const route = items.find((q) => q.id === 'induction-route')!;
    expect(route.answered).to.equal(4);
    expect(route.distribution[0]).to.deep.include({ label: 'The Common Induction Standards', count: 4, percent: 100 });
    expect(items.map((q) => q.type)).to.not.include('text');
  });

  it('shows a segment only with at least the threshold, and hides the next smallest when exactly one would be hidden', () => {
    const responses = [
      ...Array.from({ length: 8 }, () => answer(4, 9, 'health', 'Melton')),
      ...Array.from({ length: 6 }, () => answer(3, 7, 'education', 'Melton')),
      ...Array.from({ length: 2 }, () => answer(1, 0, 'youth', 'Melton')),
    ];
    const results = computeResults(input(wave(), responses));
    const { sector, locality } = shown(results.segments);
    expect(sector.shown.map((s) => [s.label, s.responses])).to.deep.equal([['Health', 8]]);
    expect(sector.hidden).to.include({ suppressed: true, segments: 2 });
    expect(JSON.stringify(sector)).to.not.match(/Youth|Education/);
    expect(locality.shown.map((s) => [s.label, s.responses])).to.deep.equal([['Melton', 16]]);
    expect(locality.hidden).to.equal(undefined);
  });

  it('keeps hiding until the hidden groups together reach the threshold', () => {
    expect(
      [
        ...segmentsToHide(
          [
            { key: 'a', responses: 2 },
            { key: 'b', responses: 2 },
            { key: 'c', responses: 20 },
          ],
          5,
        ),
      ].sort(),
    ).to.deep.equal(['a', 'b', 'c']);
    expect(
      [
        ...segmentsToHide(
          [
            { key: 'a', responses: 3 },
            { key: 'b', responses: 4 },
            { key: 'c', responses: 20 },
          ],
          5,
        ),
      ].sort(),
    ).to.deep.equal(['a', 'b']);
    expect(
      [
        ...segmentsToHide(
          [
            { key: 'a', responses: 1 },
            { key: 'b', responses: 7 },
            { key: 'c', responses: 6 },
          ],
          5,
        ),
      ].sort(),
    ).to.deep.equal(['a', 'c']);
    expect([
      ...segmentsToHide(
        [
          { key: 'a', responses: 5 },
          { key: 'b', responses: 7 },
        ],
        5,
      ),
    ]).to.deep.equal([]);
  });

  it('groups people without a sector or locality as "Not stated", and localities whatever their case', () => {
    const responses = [...Array.from({ length: 5 }, () => answer(4, 9, null, ' melton ')), ...Array.from({ length: 5 }, () => answer(4, 9, null, 'Melton'))];
    const { sector, locality } = shown(computeResults(input(wave(), responses)).segments);
    expect(sector.shown.map((s) => [s.label, s.responses])).to.deep.equal([['Not stated', 10]]);
    expect(locality.shown.map((s) => [s.label, s.responses])).to.deep.equal([['melton', 10]]);
  });

  it('shows comments only when there are at least the threshold of them, scrubbed and sorted', () => {
    const four = [1, 2, 3, 4].map((i) => answer(4, 9, 'health', 'Melton', `comment ${i}`));
    const withFour = computeResults(input(wave(), [...four, answer(4, 9), answer(4, 9)]));
    expect(withFour.comments).to.deep.equal({ suppressed: true, reason: 'fewer than 5 comments' });
    const five = [...four, answer(4, 9, 'health', 'Melton', 'Zed: call me on 07700 900123 or zed@example.org')];
    const withFive = computeResults(input(wave(), five));
    expect(shown(withFive.comments).items).to.deep.equal(['comment 1', 'comment 2', 'comment 3', 'comment 4', 'Zed: call me on [phone] or [email]']);
  });

  it('compares with the previous closed wave of the same template', () => {
    const previous = {
      wave: { id: 1, name: 'Wellbeing, October', template: wellbeing, threshold: 5, closesAt: NOW.minus({ days: 30 }) },
      responses: [3, 3, 3, 3, 3].map((r) => answer(r, 6)),
    };
    const results = computeResults(
      input(
        wave(),
        [4, 4, 4, 5, 5].map((r) => answer(r, 10)),
        previous,
      ),
    );
    const trend = shown(results.trend);
    expect(trend.previous).to.include({ id: 1, name: 'Wellbeing, October', responses: 5 });
    const workload = trend.items.find((i) => i.questionId === 'workload')!;
    expect(workload.current).to.deep.equal({ mean: 4.4, favourable: 100 });
    expect(workload.previous).to.deep.equal({ mean: 3, favourable: 0 });
    expect(workload.change).to.deep.equal({ mean: 1.4, favourable: 100 });
    expect(trend.items.find((i) => i.questionId === 'recommend')!.change).to.deep.equal({ mean: 4, enps: 200 });
  });

  it('does not compare with an earlier wave that was itself below the threshold', () => {
    const previous = {
      wave: { id: 1, name: 'Wellbeing, October', template: wellbeing, threshold: 5, closesAt: NOW.minus({ days: 30 }) },
      responses: [3, 3, 3, 3].map((r) => answer(r, 6)),
    };
    const results = computeResults(
      input(
        wave(),
        [4, 4, 4, 5, 5].map((r) => answer(r, 10)),
        previous,
      ),
    );
    expect(results.trend).to.deep.equal({ suppressed: true, reason: 'the earlier wave had fewer than 5 responses' });
  });

  it('uses the wave\u2019s own threshold, and says "fewer than N responses" once closed', () => {
    const closed = wave({ threshold: 8, closesAt: NOW.minus({ hours: 1 }) });
    const results = computeResults(
      input(
        closed,
        [1, 2, 3, 4, 5, 1, 2].map((r) => answer(r, 9)),
      ),
    );
    expect(results.survey.status).to.equal('closed');
    expect(results.questions).to.deep.equal({ suppressed: true, reason: 'fewer than 8 responses' });
  });
});
