import { expect } from 'chai';
import { DateTime } from 'luxon';
import { briefingInputFromForm } from '../../../../bot/features/briefings/briefingForm';
import { checkBriefing, readLondonTime } from '../../../../bot/features/briefings/briefingInput';

const zone = 'Europe/London';
const now = DateTime.fromISO('2026-11-24T10:00:00', { zone });
const base = { title: 'T', summary: 'S' };

describe('checkBriefing', () => {
  it('defaults to everyone, now, not urgent', () => {
    const checked = checkBriefing(base, now, zone);
    expect(checked.ok).to.equal(true);
    if (!checked.ok) return;
    expect(checked.draft.audience).to.deep.equal({ everyone: true });
    expect(checked.draft.publishAt.toISO()).to.equal(now.toISO());
    expect(checked.draft.urgent).to.equal(false);
    expect(checked.notes).to.deep.equal([]);
  });

  it('reads times without an offset as UK time, and with one as given', () => {
    expect(readLondonTime('2027-06-01T09:00', zone)?.toISO()).to.equal('2027-06-01T09:00:00.000+01:00');
    expect(readLondonTime('2027-06-01T09:00Z', zone)?.toISO()).to.equal('2027-06-01T10:00:00.000+01:00');
    expect(readLondonTime('next tuesday', zone)).to.equal(undefined);
  });

  it('sends a past publish time now, and says so', () => {
    const checked = checkBriefing({ ...base, publish_at: '2026-01-01T09:00' }, now, zone);
    expect(checked.ok && checked.notes[0]).to.match(/in the past/);
    expect(checked.ok && checked.draft.publishAt.toISO()).to.equal(now.toISO());
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['no title', { ...base, title: ' ' }, /title/],
    ['a long summary', { ...base, summary: 'x'.repeat(301) }, /300 characters/],
    ['an http link', { ...base, link: 'http://example.org' }, /https/],
    ['an unknown topic', { ...base, topics: ['gardening'] }, /topics/],
    ['an unknown sector', { ...base, audience: { sectors: ['space'] } }, /unknown sector/],
    ['an unreadable publish time', { ...base, publish_at: 'soon' }, /publish time must be a date/],
    ['an expiry before publishing', { ...base, publish_at: '2026-12-02T09:00', expires_at: '2026-12-01' }, /expiry must be after/],
    ['an unknown field', { ...base, colour: 'red' }, /colour|nrecognized/],
  ];
  for (const [name, input, message] of bad) {
    it(`refuses ${name}`, () => {
      const checked = checkBriefing(input, now, zone);
      expect(checked.ok).to.equal(false);
      if (!checked.ok) expect(checked.errors.join(' ')).to.match(message);
    });
  }
});

describe('briefingInputFromForm', () => {
  it('turns form answers into API input', () => {
    const input = briefingInputFromForm(
      {
        title: ' T ',
        summary: 'S',
        topics: 'training,safeguarding',
        sectors: 'health',
        localities: 'Melton, Hinckley',
        publishDate: '2026-12-01',
        urgent: 'true',
        link: '',
      },
      '2026-11-24',
    );
    expect(input).to.deep.include({ title: 'T', topics: ['training', 'safeguarding'], publish_at: '2026-12-01T09:00', urgent: true, link: undefined });
    expect(input.audience).to.deep.equal({
      sectors: ['health'],
      roles: undefined,
      authorities: undefined,
      localities: ['Melton', 'Hinckley'],
      teams: undefined,
    });
  });

  it('means everyone when no audience filter is chosen, and today when only a time is given', () => {
    const input = briefingInputFromForm({ title: 'T', summary: 'S', publishTime: '17:30' }, '2026-11-24');
    expect(input.audience).to.deep.equal({ everyone: true });
    expect(input.publish_at).to.equal('2026-11-24T17:30');
  });
});
