import { expect } from 'chai';
import { DateTime, IANAZone } from 'luxon';
import { RememberingZone, zonedClock } from '../../../bot/platform/zonedClock';

const LONDON = 'Europe/London';

describe('the zoned clock', () => {
  it('reads the time in the zone as luxon does', () => {
    const read = zonedClock(LONDON)();
    const expected = DateTime.now().setZone(LONDON);
    expect(read.zoneName).to.equal(LONDON);
    expect(read.offset).to.equal(expected.offset);
    expect(read.zone.equals(expected.zone)).to.equal(true);
    expect(expected.zone.equals(read.zone)).to.equal(true);
    expect(Math.abs(read.toMillis() - expected.toMillis())).to.be.below(1000);
  });

  it('gives the same offsets as the IANA zone either side of both clock changes, to the millisecond', () => {
    const zone = new RememberingZone(IANAZone.create(LONDON));
    const iana = IANAZone.create(LONDON);
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      const at = DateTime.fromISO(change).toMillis();
      const moments = [at - 1, at, at + 1];
      for (let ms = at - 2 * 3600_000; ms <= at + 2 * 3600_000; ms += 7 * 60_000 + 13) moments.push(ms);
      // Read in both directions, so whatever it remembered first cannot leak into a neighbouring moment.
      for (const ms of [...moments, ...moments.reverse()]) expect(zone.offset(ms), new Date(ms).toISOString()).to.equal(iana.offset(ms));
    }
  });

  it('asks Intl for the offset once a quarter hour, not on every reading', () => {
    const read = zonedClock(LONDON);
    read();
    const proto = Intl.DateTimeFormat.prototype;
    const original = proto.formatToParts;
    let asked = 0;
    proto.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
      asked++;
      return original.call(this, date);
    };
    try {
      for (let i = 0; i < 200; i++) read().plus({ seconds: 1 });
    } finally {
      proto.formatToParts = original;
    }
    // A reading that crosses into the next quarter hour may ask again, a few times at most.
    expect(asked).to.be.at.most(6);
  });
});
