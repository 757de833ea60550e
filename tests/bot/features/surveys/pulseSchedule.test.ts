import { expect } from 'chai';
import { DateTime } from 'luxon';
import { pulseCopies, pulseMessageId, reminderMessageId, surveyIdOfMessage } from '../../../../bot/features/surveys/pulseSchedule';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe('pulse schedule', () => {
  it('names messages so the renderer can find the wave again', () => {
    expect(pulseMessageId(7)).to.equal('pulse:7');
    expect(reminderMessageId(7, '2026-11-26')).to.equal('pulse-reminder:7:2026-11-26');
    expect(surveyIdOfMessage('pulse:7')).to.equal(7);
    expect(surveyIdOfMessage('pulse-reminder:7:2026-11-26')).to.equal(7);
    expect(surveyIdOfMessage('briefing:7')).to.equal(undefined);
    expect(surveyIdOfMessage('pulse:7; drop table')).to.equal(undefined);
  });

  it('queues the card at opening and reminders at the reminder time, none outside the open window, all expiring at closing', () => {
    const wave = { id: 3, opensAt: at('2026-11-23T10:00'), closesAt: at('2026-11-27T09:00'), reminderDays: ['2026-11-25', '2026-11-27', '2026-11-23'] };
    const copies = pulseCopies(wave, ['a', 'b'], '10:00');
    expect(copies.map((c) => [c.kind, c.messageId, c.userId, c.notBefore.toISO()])).to.deep.equal([
      ['pulse', 'pulse:3', 'a', '2026-11-23T10:00:00.000+00:00'],
      ['pulse', 'pulse:3', 'b', '2026-11-23T10:00:00.000+00:00'],
      ['pulse-reminder', 'pulse-reminder:3:2026-11-25', 'a', '2026-11-25T10:00:00.000+00:00'],
      ['pulse-reminder', 'pulse-reminder:3:2026-11-25', 'b', '2026-11-25T10:00:00.000+00:00'],
    ]);
    expect(copies.every((c) => !c.urgent && +c.expiresAt! === +wave.closesAt)).to.equal(true);
  });
});
