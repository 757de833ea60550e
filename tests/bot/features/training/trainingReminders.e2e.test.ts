import { expect } from 'chai';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const USER = '29:user-1';

function teamsActivity(serviceUrl: string, extra: Record<string, unknown>) {
  return {
    id: `m-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: USER, name: 'Sam Worker', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Workforce Assistant' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  };
}

forEachEngine((engine) => {
  describe(`training reminders end to end (${engine})`, () => {
    const connector = new FakeConnector();
    let serviceUrl: string;
    let test: TestDatabase;
    let bot: RunningBot;
    let clock: ReturnType<typeof movableClock>;

    const post = (body: unknown) =>
      fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const say = (text: string) => post(teamsActivity(serviceUrl, { type: 'message', text }));
    const press = async (verb: string, data: Record<string, unknown>) => {
      const res = await post(
        teamsActivity(serviceUrl, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } } },
        }),
      );
      return (await res.json()) as { statusCode: number; value: unknown };
    };
    const reminderTitles = () =>
      connector
        .messages()
        .map((m) => (m.attachments as { content: { fallbackText?: string } }[] | undefined)?.[0]?.content.fallbackText ?? '')
        .filter((t) => t.startsWith('Reminder:'))
        .map((t) => t.split('\n').slice(0, 2).join(' | '));

    before(async () => {
      serviceUrl = await connector.start();
    });
    after(() => connector.stop());
    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = movableClock('2026-11-23T10:00:00');
      bot = await startBot(test.env, { now: clock.now, database: test.opened });
      connector.calls.length = 0;
    });
    afterEach(async () => {
      await bot.stop();
      await test.cleanup();
    });

    it('delivers the week-before and day-before reminders through the connector, in working hours and outside quiet hours', async () => {
      await say('where can I do CAF training');
      await bot.services.store.profiles.save({ userId: USER, sector: 'health', role: 'health-visitor', topics: [], quietStart: '09:00', quietEnd: '12:00' });
      const pressed = await press('training.remind', { sessionId: 'caf-2026-12-08' });
      expect(pressed.statusCode).to.equal(200);
      expect(String(pressed.value)).to.match(/^Done: I'll remind you a week before and the day before/);

      clock.set('2026-12-01T09:30:00');
      await bot.services.delivery.drain();
      expect(reminderTitles(), 'held by quiet hours until 12:00').to.deep.equal([]);
      clock.set('2026-12-01T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.deep.equal([
        'Reminder: CAF and the lead professional is in a week | Tue 8 Dec 2026, 09:30\u201312:30, County Hall, Training Room 1 (sample venue)',
      ]);

      clock.set('2026-12-07T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.have.length(2);
      expect(reminderTitles()[1]).to.match(/^Reminder: CAF and the lead professional is tomorrow/);
      const sent = connector.messages().find((m) => JSON.stringify(m).includes('is tomorrow'))!;
      expect((sent.conversation as { id: string }).id).to.equal('a:personal-1');
      expect(JSON.stringify(sent)).to.include('/training/sessions/caf-2026-12-08.ics');

      clock.set('2026-12-10T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.have.length(2);
      expect(connector.cardProblems()).to.deep.equal([]);
    });

    it('sends only cards the Adaptive Cards SDK accepts', async () => {
      // This test's bot is fresh, so it delivers both reminders itself before checking what was sent.
      await say('where can I do CAF training');
      expect((await press('training.remind', { sessionId: 'caf-2026-12-08' })).statusCode).to.equal(200);
      clock.set('2026-12-01T12:00:00');
      await bot.services.delivery.drain();
      clock.set('2026-12-07T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.have.length(2);
      const reminderCards = connector
        .messages()
        .flatMap((m) => (m.attachments as { contentType?: string; content?: { fallbackText?: string } }[] | undefined) ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && (a.content?.fallbackText ?? '').startsWith('Reminder:'));
      expect(reminderCards, 'the reminders were sent as Adaptive Cards').to.have.length(2);
      expect(connector.cardProblems()).to.deep.equal([]);
    });

    it('sends nothing for a reminder cancelled from "my reminders"', async () => {
      await say('hello');
      await press('training.remind', { sessionId: 'sg2-2026-12-15' });
      const cancelled = await press('training.cancelReminder', { sessionId: 'sg2-2026-12-15' });
      expect(cancelled.statusCode).to.equal(200);
      clock.set('2026-12-14T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.deep.equal([]);
      expect(await bot.services.delivery.counts('training-reminder:sg2-2026-12-15:29:user-1:1d')).to.include({ cancelled: 1, sent: 0 });
    });

    it('sends only the day-before reminder for a session four days away', async () => {
      clock.set('2026-12-04T10:00:00');
      await say('hello');
      expect(String((await press('training.remind', { sessionId: 'caf-2026-12-08' })).value)).to.match(/remind you the day before CAF/);
      clock.set('2026-12-07T12:00:00');
      await bot.services.delivery.drain();
      expect(reminderTitles()).to.have.length(1);
      expect(reminderTitles()[0]).to.match(/is tomorrow/);
      expect(connector.cardProblems()).to.deep.equal([]);
    });
  });
});
