import { expect } from 'chai';
import { EnqueueResult, OutboundMessage } from '../../../../bot/platform/delivery/deliveryTypes';
import { ReminderRequests } from '../../../../bot/features/training/reminderRequests';
import { ReminderDelivery, TrainingReminders } from '../../../../bot/features/training/trainingReminders';
import { CatalogueIndex } from '../../../../knowledge/training/catalogueIndex';
import { movableClock } from '../../../helpers/testDelivery';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { fixtureCatalogue } from './trainingFixtures';

/** Records what would be queued and cancelled; people in `unreachable` have no personal chat. */
class RecordingDelivery implements ReminderDelivery {
  readonly queued: OutboundMessage[] = [];
  readonly cancelled: string[] = [];
  readonly unreachable = new Set<string>();
  async enqueue(messages: OutboundMessage[]): Promise<EnqueueResult> {
    const reachable = messages.filter((m) => !this.unreachable.has(m.userId));
    this.queued.push(...reachable);
    return { queued: reachable.length, duplicates: 0, unreachable: messages.length - reachable.length };
  }
  async cancel(messageId: string, userId?: string): Promise<number> {
    this.cancelled.push(`${messageId} for ${userId}`);
    return 1;
  }
}

forEachEngine((engine) => {
  describe(`training reminders (${engine})`, () => {
    let test: TestDatabase;
    let delivery: RecordingDelivery;
    let clock: ReturnType<typeof movableClock>;
    let reminders: TrainingReminders;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = movableClock('2026-11-23T10:00:00');
      delivery = new RecordingDelivery();
      reminders = new TrainingReminders(new ReminderRequests(test.opened.db, clock.now), new CatalogueIndex(fixtureCatalogue()), delivery, clock.now);
    });
    afterEach(() => test.cleanup());

    it('queues a reminder a week and a day before, and lists it', async () => {
      const outcome = await reminders.request('29:u1', 'caf-dec');
      expect(outcome).to.deep.include({ kind: 'set', leads: ['7d', '1d'] });
      expect(delivery.queued.map((m) => `${m.messageId} ${m.notBefore.toISO()} until ${m.expiresAt?.toISO()}`)).to.deep.equal([
        'training-reminder:caf-dec:29:u1:7d 2026-12-01T09:30:00.000+00:00 until 2026-12-08T09:30:00.000+00:00',
        'training-reminder:caf-dec:29:u1:1d 2026-12-07T09:30:00.000+00:00 until 2026-12-08T09:30:00.000+00:00',
      ]);
      const listed = await reminders.list('29:u1');
      expect(listed.map((r) => `${r.session.id} ${r.leads.map((l) => `${l.lead}:${l.upcoming}`).join(',')}`)).to.deep.equal(['caf-dec 7d:true,1d:true']);
      expect(await reminders.list('29:someone-else')).to.deep.equal([]);
    });

    it('queues only the day-before reminder four days ahead', async () => {
      clock.set('2026-12-04T09:00:00');
      expect(await reminders.request('u1', 'caf-dec')).to.deep.include({ kind: 'set', leads: ['1d'] });
      expect(delivery.queued.map((m) => m.messageId)).to.deep.equal(['training-reminder:caf-dec:u1:1d']);
    });

    it('refuses past, started, cancelled, unknown and too-near sessions, storing nothing', async () => {
      expect((await reminders.request('u1', 'caf-past')).kind).to.equal('pastSession');
      expect((await reminders.request('u1', 'caf-started')).kind).to.equal('pastSession');
      expect((await reminders.request('u1', 'caf-cancelled')).kind).to.equal('cancelledSession');
      expect((await reminders.request('u1', 'no-such-session')).kind).to.equal('unknownSession');
      expect((await reminders.request('u1', 'caf-later-today')).kind).to.equal('tooSoon');
      expect(delivery.queued).to.deep.equal([]);
      expect(await new ReminderRequests(test.opened.db, clock.now).forUser('u1')).to.deep.equal([]);
    });

    it('says so when the person has no personal chat to remind them in, storing nothing', async () => {
      delivery.unreachable.add('u1');
      expect((await reminders.request('u1', 'caf-dec')).kind).to.equal('unreachable');
      expect(await reminders.list('u1')).to.deep.equal([]);
    });

    it('does not queue twice when pressed twice', async () => {
      await reminders.request('u1', 'caf-dec');
      expect((await reminders.request('u1', 'caf-dec')).kind).to.equal('already');
      expect(delivery.queued).to.have.length(2);
    });

    it('cancels both copies, and sets a fresh round when asked again', async () => {
      await reminders.request('u1', 'caf-dec');
      expect(await reminders.cancel('u1', 'caf-dec')).to.equal(true);
      expect(delivery.cancelled).to.deep.equal(['training-reminder:caf-dec:u1:7d for u1', 'training-reminder:caf-dec:u1:1d for u1']);
      expect(await reminders.list('u1')).to.deep.equal([]);
      expect(await reminders.cancel('u1', 'caf-dec')).to.equal(false);
      expect((await reminders.request('u1', 'caf-dec')).kind).to.equal('set');
      expect(delivery.queued.slice(2).map((m) => m.messageId)).to.deep.equal(['training-reminder:caf-dec:u1:7d:2', 'training-reminder:caf-dec:u1:1d:2']);
    });

    it('hands over only copies still wanted: active, same round, session on and to come', async () => {
      await reminders.request('u1', 'caf-dec');
      const [week, day] = delivery.queued;
      expect(await reminders.due(week)).to.deep.include({ lead: '7d' });
      expect((await reminders.due(day))?.session.id).to.equal('caf-dec');
      await reminders.cancel('u1', 'caf-dec');
      expect(await reminders.due(week)).to.equal(undefined);
      await reminders.request('u1', 'caf-dec');
      expect(await reminders.due(week), 'a copy from the cancelled round').to.equal(undefined);
      expect(await reminders.due(delivery.queued[2])).to.deep.include({ lead: '7d' });
      clock.set('2026-12-08T09:30:00');
      expect(await reminders.due(delivery.queued[3]), 'once the session has started').to.equal(undefined);
    });

    it('lists reminders soonest first and drops them once the session has started', async () => {
      await reminders.request('u1', 'caf-gmt');
      await reminders.request('u1', 'caf-dec');
      expect((await reminders.list('u1')).map((r) => r.session.id)).to.deep.equal(['caf-dec', 'caf-gmt']);
      clock.set('2026-12-02T10:00:00');
      expect((await reminders.list('u1'))[0].leads.map((l) => l.upcoming)).to.deep.equal([false, true]);
      clock.set('2026-12-08T09:30:00');
      expect((await reminders.list('u1')).map((r) => r.session.id)).to.deep.equal(['caf-gmt']);
    });

    it('erases a person\u2019s requests', async () => {
      await reminders.request('u1', 'caf-dec');
      const requests = new ReminderRequests(test.opened.db, clock.now);
      expect(await requests.deleteForUser('u1')).to.equal(1);
      expect(await requests.forUser('u1')).to.deep.equal([]);
    });
  });
});
