import { expect } from 'chai';
import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../../knowledge/surveys/templateLoader';
import { checkWaveRequest, WaveRequestCheck } from '../../../../bot/features/surveys/waveRequest';

const NOW = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });
const context = { templates: loadTemplatesOrThrow(), now: NOW, defaultThreshold: 5, reminderTime: '10:00' };
const request = (extra: Record<string, unknown> = {}) => ({
  template: 'wellbeing-pulse',
  audience: { sectors: ['health'] },
  opens_at: '2026-11-24T09:00',
  closes_at: '2026-12-01T17:00',
  reminder_days: ['2026-11-27'],
  ...extra,
});
const problems = (check: WaveRequestCheck) => (check.ok ? [] : check.problems.map((p) => `${p.field}: ${p.message}`));

describe('checkWaveRequest', () => {
  it('reads times as Europe/London and fills in the defaults', () => {
    const check = checkWaveRequest(request(), context);
    expect(problems(check)).to.deep.equal([]);
    if (!check.ok) return;
    expect(check.wave.opensAt.toISO()).to.equal('2026-11-24T09:00:00.000+00:00');
    expect(check.wave.threshold).to.equal(5);
    expect(check.wave.name).to.equal('Wellbeing and workload pulse, November 2026');
    expect(check.wave.reminderDays).to.deep.equal(['2026-11-27']);
  });

  it('honours an explicit offset (British Summer Time)', () => {
    const check = checkWaveRequest(request({ opens_at: '2027-06-01T09:00:00+01:00', closes_at: '2027-06-08T17:00', reminder_days: [] }), context);
    expect(check.ok && check.wave.opensAt.toUTC().toISO()).to.equal('2027-06-01T08:00:00.000Z');
    expect(check.ok && check.wave.closesAt.toUTC().toISO()).to.equal('2027-06-08T16:00:00.000Z');
  });

  it('opens now when no opening time is given, or one a moment ago', () => {
    expect(checkWaveRequest(request({ opens_at: undefined, reminder_days: [] }), context)).to.deep.include({ ok: true });
    const justNow = checkWaveRequest(request({ opens_at: '2026-11-23T09:58', reminder_days: [] }), context);
    expect(justNow.ok && +justNow.wave.opensAt).to.equal(+NOW);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown template', { template: 'staff-census' }, /template: there is no template "staff-census"/],
    ['an empty audience', { audience: {} }, /audience: give at least one filter/],
    ['an unknown sector', { audience: { sectors: ['space'] } }, /audience.sectors: unknown sector/],
    ['an opening time in the past', { opens_at: '2026-11-20T09:00' }, /opens_at: must not be in the past/],
    ['an opening time that is not a time', { opens_at: 'next tuesday' }, /opens_at: must be a date and time/],
    ['a date without a time', { closes_at: '2026-12-01' }, /closes_at: must be a date and time/],
    ['closing before opening', { closes_at: '2026-11-24T08:00' }, /closes_at: must be at least an hour after/],
    ['a wave open for half a year', { closes_at: '2027-05-01T17:00' }, /within 90 days/],
    ['a reminder after closing', { reminder_days: ['2026-12-02'] }, /reminder_days: 2026-12-02 at 10:00 is not while the pulse is open/],
    ['a reminder that is not a date', { reminder_days: ['Friday'] }, /not a date written YYYY-MM-DD/],
    ['six reminders', { reminder_days: ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'] }, /at most 5 reminder days/],
    ['a threshold of 2', { anonymity_threshold: 2 }, /anonymity_threshold: must be a whole number from 3 to 25/],
    ['a threshold of 26', { anonymity_threshold: 26 }, /anonymity_threshold: must be a whole number from 3 to 25/],
    ['a threshold of 4.5', { anonymity_threshold: 4.5 }, /anonymity_threshold/],
    ['an unknown field', { colour: 'blue' }, /colour|Unrecognized/i],
  ];
  for (const [name, extra, message] of bad) {
    it(`refuses ${name}`, () => expect(problems(checkWaveRequest(request(extra), context)).join('\n')).to.match(message));
  }

  it('accepts thresholds from 3 to 25', () => {
    for (const t of [3, 25]) expect(checkWaveRequest(request({ anonymity_threshold: t }), context).ok).to.equal(true);
  });

  it('accepts {"everyone": true} as an audience', () => {
    expect(checkWaveRequest(request({ audience: { everyone: true } }), context).ok).to.equal(true);
  });
});
