import { expect } from 'chai';
import { DateTime } from 'luxon';
import { parseDatePhrase } from '../../../../bot/features/training/datePhrase';

/** Monday 23 November 2026, 10:00 in London: the injected clock. */
const NOW = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

function windowOf(question: string, now = NOW): { from: string; to: string; label: string } | string {
  const phrase = parseDatePhrase(question, now);
  if (phrase.kind === 'none') return 'none';
  if (phrase.kind === 'invalid') return `invalid: ${phrase.matched}`;
  return { from: phrase.window.from.toISODate()!, to: phrase.window.to.toISODate()!, label: phrase.window.label };
}

describe('parseDatePhrase', () => {
  const cases: [string, ReturnType<typeof windowOf>][] = [
    ['safeguarding training next month', { from: '2026-12-01', to: '2027-01-01', label: 'next month (December 2026)' }],
    ['online courses in March', { from: '2027-03-01', to: '2027-04-01', label: 'in March 2027' }],
    ['courses in november', { from: '2026-11-23', to: '2026-12-01', label: 'in November 2026' }],
    ['caf training in may', { from: '2027-05-01', to: '2027-06-01', label: 'in May 2027' }],
    ['induction in march 2028', { from: '2028-03-01', to: '2028-04-01', label: 'in March 2028' }],
    ['training on 14 January', { from: '2027-01-14', to: '2027-01-15', label: 'on Thu 14 January 2027' }],
    ['training on the 14th of January', { from: '2027-01-14', to: '2027-01-15', label: 'on Thu 14 January 2027' }],
    ['anything on january 14th?', { from: '2027-01-14', to: '2027-01-15', label: 'on Thu 14 January 2027' }],
    ['session on 14/01', { from: '2027-01-14', to: '2027-01-15', label: 'on Thu 14 January 2027' }],
    ['session on 14/01/2027', { from: '2027-01-14', to: '2027-01-15', label: 'on Thu 14 January 2027' }],
    ['sessions on the 3rd', { from: '2026-12-03', to: '2026-12-04', label: 'on Thu 3 December 2026' }],
    ['sessions on the 30th', { from: '2026-11-30', to: '2026-12-01', label: 'on Mon 30 November 2026' }],
    ['training this week', { from: '2026-11-23', to: '2026-11-30', label: 'this week' }],
    ['training next week', { from: '2026-11-30', to: '2026-12-07', label: 'next week (from Mon 30 November)' }],
    ['anything today', { from: '2026-11-23', to: '2026-11-24', label: 'today' }],
    ['anything tomorrow', { from: '2026-11-24', to: '2026-11-25', label: 'tomorrow (Tue 24 November)' }],
    ['training this month', { from: '2026-11-23', to: '2026-12-01', label: 'this month (November 2026)' }],
    ['courses on thursday', { from: '2026-11-26', to: '2026-11-27', label: 'on Thu 26 November 2026' }],
    ['courses next monday', { from: '2026-11-30', to: '2026-12-01', label: 'on Mon 30 November 2026' }],
    ['training in 2027', { from: '2027-01-01', to: '2028-01-01', label: 'in 2027' }],
    ['training on the 45th', 'invalid: on the 45th'],
    ['training on 31 April', 'invalid: on 31 april'],
    ['training on 30th of february', 'invalid: on 30th of february'],
    ['training on 14/13', 'invalid: on 14/13'],
    ['where can I do CAF training', 'none'],
    ['may I book a place on level 3 safeguarding', 'none'],
    ['what is the 3rd area of the common core', 'none'],
  ];
  for (const [question, expected] of cases) {
    it(`reads "${question}"`, () => expect(windowOf(question)).to.deep.equal(expected));
  }

  it('moves a day or month that has gone this year to next year', () => {
    const june = DateTime.fromISO('2027-06-20T10:00', { zone: 'Europe/London' });
    expect(windowOf('in march', june)).to.deep.include({ from: '2028-03-01' });
    expect(windowOf('on 14 june', june)).to.deep.include({ from: '2028-06-14' });
    expect(windowOf('on 24 june', june)).to.deep.include({ from: '2027-06-24' });
  });

  it('takes "next month" across a year end', () => {
    const december = DateTime.fromISO('2026-12-31T23:30', { zone: 'Europe/London' });
    expect(windowOf('next month', december)).to.deep.equal({ from: '2027-01-01', to: '2027-02-01', label: 'next month (January 2027)' });
  });

  it('gives windows that start at local midnight, in BST too', () => {
    const phrase = parseDatePhrase('on 14 june 2027', NOW);
    if (phrase.kind !== 'window') throw new Error('expected a window');
    expect(phrase.window.from.toUTC().toISO()).to.equal('2027-06-13T23:00:00.000Z');
  });
});
