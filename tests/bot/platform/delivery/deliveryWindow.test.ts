import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DEFAULT_WORKING_HOURS, deliveryTime, parseWorkingDays } from '../../../../bot/platform/delivery/deliveryWindow';

const zone = 'Europe/London';
const t = (iso: string) => DateTime.fromISO(iso, { zone });
const when = (iso: string, extra: { urgent?: boolean; quiet?: { start: string; end: string } } = {}) =>
  deliveryTime(t(iso), { urgent: extra.urgent ?? false, working: DEFAULT_WORKING_HOURS, quiet: extra.quiet, zone }).toISO({ suppressMilliseconds: true });

describe('deliveryTime', () => {
  it('sends at once inside working hours', () => expect(when('2026-11-24T10:15:00')).to.equal('2026-11-24T10:15:00.000+00:00'.replace('.000', '')));
  it('holds a briefing published at 22:00 until 08:00 the next working day', () => expect(when('2026-11-23T22:00:00')).to.equal('2026-11-24T08:00:00+00:00'));
  it('holds Friday evening until Monday morning', () => expect(when('2026-11-27T19:30:00')).to.equal('2026-11-30T08:00:00+00:00'));
  it('holds early morning until 08:00', () => expect(when('2026-11-24T06:00:00')).to.equal('2026-11-24T08:00:00+00:00'));
  it('sends urgent messages at once, whatever the hour', () => expect(when('2026-11-28T23:00:00', { urgent: true })).to.equal('2026-11-28T23:00:00+00:00'));
  it('respects quiet hours within the working day', () =>
    expect(when('2026-11-24T12:30:00', { quiet: { start: '12:00', end: '13:00' } })).to.equal('2026-11-24T13:00:00+00:00'));
  it('respects quiet hours that wrap past midnight', () =>
    expect(when('2026-11-24T08:00:00', { quiet: { start: '17:00', end: '09:30' } })).to.equal('2026-11-24T09:30:00+00:00'));
  it('uses local time across the clock change (BST)', () => expect(when('2027-03-29T06:00:00')).to.equal('2027-03-29T08:00:00+01:00'));
  it('gives up on quiet hours that cover the whole working day, keeping to working hours alone', () => {
    expect(when('2026-11-24T10:00:00', { quiet: { start: '07:00', end: '19:00' } })).to.equal('2026-11-24T10:00:00+00:00');
    expect(when('2026-11-27T20:00:00', { quiet: { start: '07:00', end: '19:00' } })).to.equal('2026-11-30T08:00:00+00:00');
  });
});

describe('parseWorkingDays', () => {
  it('reads ranges and lists', () => {
    expect(parseWorkingDays('1-5')).to.deep.equal([1, 2, 3, 4, 5]);
    expect(parseWorkingDays('1,3,5-6')).to.deep.equal([1, 3, 5, 6]);
  });
  it('refuses nonsense', () => {
    expect(parseWorkingDays('mon-fri')).to.equal(undefined);
    expect(parseWorkingDays('5-1')).to.equal(undefined);
  });
});
