import { expect } from 'chai';
import { parseReminderMessageId, planReminders, reminderMessageId } from '../../../../bot/features/training/reminderPlan';
import { fixtureSession, london } from './trainingFixtures';

describe('reminder plan', () => {
  const session = fixtureSession('caf-dec', '2026-12-08');

  it('plans a reminder a week and a day before, each expiring when the session starts', () => {
    const plan = planReminders(session, '29:user', london('2026-11-23T10:00'));
    expect(plan.map((p) => p.lead)).to.deep.equal(['7d', '1d']);
    expect(plan.map((p) => p.message.messageId)).to.deep.equal(['training-reminder:caf-dec:29:user:7d', 'training-reminder:caf-dec:29:user:1d']);
    expect(plan.map((p) => p.message.notBefore.toISO())).to.deep.equal(['2026-12-01T09:30:00.000+00:00', '2026-12-07T09:30:00.000+00:00']);
    expect(plan.every((p) => p.message.expiresAt?.equals(session.start) && p.message.kind === 'training-reminder' && !p.message.urgent)).to.equal(true);
  });

  it('only plans the day-before reminder four days ahead, and nothing for a session under a day away or past', () => {
    expect(planReminders(session, 'u', london('2026-12-04T09:30')).map((p) => p.lead)).to.deep.equal(['1d']);
    expect(planReminders(session, 'u', london('2026-12-07T09:30'))).to.deep.equal([]);
    expect(planReminders(session, 'u', london('2026-12-09T09:30'))).to.deep.equal([]);
  });

  it('keeps the local time across the clock change (a week before a BST session is a GMT date)', () => {
    const bst = fixtureSession('caf-bst', '2027-03-30');
    const [week] = planReminders(bst, 'u', london('2027-01-01T09:00'));
    expect(week.message.notBefore.setZone('Europe/London').toFormat('yyyy-LL-dd HH:mm')).to.equal('2027-03-23 09:30');
  });

  it('reads message ids back, user ids with colons and later rounds included', () => {
    expect(parseReminderMessageId(reminderMessageId('caf-dec', '29:a:b', '1d'), '29:a:b')).to.deep.equal({ sessionId: 'caf-dec', lead: '1d', round: 1 });
    expect(parseReminderMessageId(reminderMessageId('caf-dec', '29:a', '7d', 3), '29:a')).to.deep.equal({ sessionId: 'caf-dec', lead: '7d', round: 3 });
    expect(parseReminderMessageId('training-reminder:caf-dec:someone-else:1d', '29:a')).to.equal(undefined);
    expect(parseReminderMessageId('briefing:42', '29:a')).to.equal(undefined);
  });
});
