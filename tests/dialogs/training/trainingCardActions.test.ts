import { expect } from 'chai';
import { Services } from '../../../bot/app/services';
import { testAdapter, testBotServices } from '../../helpers/testBot';
import { replyText } from '../../helpers/testServices';
import { exchange, submitAction as submit, executeAction as execute, invokeBody } from '../../helpers/adapterExchange';

describe('training card buttons', () => {
  let services: Services;
  beforeEach(async () => {
    services = await testBotServices();
  });
  afterEach(() => services.close());

  describe('in Web Chat (Action.Submit)', () => {
    it('explains that reminders come in Teams, setting nothing', async () => {
      const adapter = testAdapter(services, 'webchat');
      await exchange(adapter, 'hello');
      const [reply] = await exchange(adapter, submit('training.remind', { sessionId: 'caf-2026-12-08' }));
      expect(replyText(reply)).to.match(/only send reminders to a one-to-one chat with me in Microsoft Teams\. Press "Add to calendar" instead/);
      expect(await services.training.reminders.list('user1')).to.deep.equal([]);
      expect(await services.delivery.counts('training-reminder:caf-2026-12-08:user1:7d')).to.include({ pending: 0 });
    });

    it('says when a reminder was already cancelled', async () => {
      const adapter = testAdapter(services, 'webchat');
      const [reply] = await exchange(adapter, submit('training.cancelReminder', { sessionId: 'caf-2026-12-08' }));
      expect(replyText(reply)).to.equal('That reminder was already cancelled.');
    });

    const refusals: [string, Record<string, unknown>, RegExp][] = [
      ['a past session', { sessionId: 'caf-2026-10-20' }, /already started or finished/],
      ['a cancelled session', { sessionId: 'tac-2027-02-04' }, /has been cancelled, so there is nothing to remind you about/],
      ['a session starting within a day', { sessionId: 'sg1-2026-11-23-1400' }, /less than a day away/],
      ['an unknown session', { sessionId: 'made-up' }, /no longer in the training catalogue/],
      ['a tampered button', { sessionId: 42 }, /couldn't read which session/],
    ];
    for (const [name, data, message] of refusals) {
      it(`explains why it cannot remind about ${name}, setting nothing`, async () => {
        const adapter = testAdapter(services, 'webchat');
        await exchange(adapter, 'hello');
        const [reply] = await exchange(adapter, submit('training.remind', data));
        expect(replyText(reply)).to.match(message);
        expect(await services.training.reminders.list('user1')).to.deep.equal([]);
      });
    }

    it('shows a course from a list\u2019s "Details" button, and refuses an unknown one', async () => {
      const adapter = testAdapter(services, 'webchat');
      expect(replyText((await exchange(adapter, submit('training.course', { courseId: 'key-worker' })))[0])).to.match(
        /^Key working with families of disabled children/,
      );
      expect(replyText((await exchange(adapter, submit('training.course', { courseId: 'gone' })))[0])).to.match(/no longer in the training catalogue/);
    });
  });

  describe('in Teams (Action.Execute)', () => {
    it('sets a reminder for a session and lists it under "my reminders"', async () => {
      const adapter = testAdapter(services);
      await exchange(adapter, 'hello');
      const body = invokeBody(await exchange(adapter, execute('training.remind', { sessionId: 'caf-2026-12-08' })));
      expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(body.value).to.equal(
        `Done: I'll remind you a week before and the day before CAF and the lead professional, Tue 8 Dec 2026, 09:30\u201312:30, County Hall, Training Room 1 (sample venue). Type "my reminders" to see or cancel it.`,
      );
      const [list] = await exchange(adapter, 'my reminders');
      expect(replyText(list)).to.match(/CAF and the lead professional: Tue 8 Dec 2026/);
      expect(await services.delivery.counts('training-reminder:caf-2026-12-08:user1:7d')).to.include({ pending: 1 });
    });

    it('cancels a reminder and its queued copies, refreshing the reminders card', async () => {
      const adapter = testAdapter(services);
      await exchange(adapter, 'hello');
      await exchange(adapter, execute('training.remind', { sessionId: 'caf-2027-01-19' }));
      await exchange(adapter, execute('training.remind', { sessionId: 'sg2-2026-12-01' }));
      const body = invokeBody(await exchange(adapter, execute('training.cancelReminder', { sessionId: 'caf-2027-01-19' })));
      expect(body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(JSON.stringify(body.value)).to.include('Multi-agency safeguarding').and.not.include('CAF and the lead professional');
      expect(await services.delivery.counts('training-reminder:caf-2027-01-19:user1:1d')).to.include({ pending: 0, cancelled: 1 });
      expect(await services.delivery.counts('training-reminder:sg2-2026-12-01:user1:1d')).to.include({ pending: 1 });
    });

    it('refuses an unknown session with a clean error', async () => {
      const body = invokeBody(await exchange(testAdapter(services), execute('training.remind', { sessionId: 'made-up' })));
      expect(body).to.include({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    });
  });
});
