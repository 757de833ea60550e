import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DeliveryEngine } from '../../../../bot/platform/delivery/deliveryEngine';
import { Store } from '../../../../bot/platform/store/createStore';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { MovableClock, reachableUser, useDeliveryEngine } from '../../../helpers/testDelivery';
import { forEachEngine } from '../../../helpers/testDatabase';

forEachEngine((dbEngine) => {
  describe(`delivery engine (${dbEngine})`, () => {
    let engine: DeliveryEngine;
    let store: Store;
    let clock: MovableClock;
    const connector = new FakeConnector();
    let serviceUrl: string;

    useDeliveryEngine(dbEngine, '2026-11-24T10:00:00', connector, (made) => {
      ({ engine, store, clock, serviceUrl } = made);
      engine.registerRenderer('note', async ({ messageId, userId }) => (messageId.includes('unwanted') ? undefined : { text: `${messageId} for ${userId}` }));
    });

    const message = (messageId: string, userId: string, extra: { urgent?: boolean; notBefore?: DateTime; expiresAt?: DateTime } = {}) => ({
      kind: 'note',
      messageId,
      userId,
      notBefore: extra.notBefore ?? clock.now(),
      urgent: extra.urgent ?? false,
      expiresAt: extra.expiresAt,
    });
    const sentTo = () => connector.messages().map((m) => String(m.text));

    it('sends one copy to each reachable person, once', async () => {
      for (const u of ['u1', 'u2', 'u3']) await reachableUser(store, u, serviceUrl);
      const first = await engine.enqueue(['u1', 'u2', 'u3', 'nobody'].map((u) => message('m1', u)));
      expect(first).to.deep.equal({ queued: 3, duplicates: 0, unreachable: 1 });
      const again = await engine.enqueue(['u1', 'u2'].map((u) => message('m1', u)));
      expect(again).to.deep.equal({ queued: 0, duplicates: 2, unreachable: 0 });
      await engine.drain();
      expect(sentTo().sort()).to.deep.equal(['m1 for u1', 'm1 for u2', 'm1 for u3']);
      expect(await engine.counts('m1')).to.include({ sent: 3, pending: 0 });
      await engine.drain();
      expect(sentTo()).to.have.length(3);
    });

    it('holds a non-urgent message published at 22:00 until 08:00, and sends urgent ones at once', async () => {
      clock.set('2026-11-24T22:00:00');
      await reachableUser(store, 'u1', serviceUrl);
      await engine.enqueue([message('late', 'u1'), message('now', 'u1', { urgent: true })]);
      await engine.drain();
      expect(sentTo()).to.deep.equal(['now for u1']);
      clock.set('2026-11-25T07:59:00');
      await engine.drain();
      expect(sentTo()).to.deep.equal(['now for u1']);
      clock.set('2026-11-25T08:00:00');
      await engine.drain();
      expect(sentTo()).to.deep.equal(['now for u1', 'late for u1']);
    });

    it("respects the recipient's quiet hours", async () => {
      await reachableUser(store, 'u1', serviceUrl);
      await store.profiles.save({ userId: 'u1', topics: [], quietStart: '09:00', quietEnd: '12:00' });
      await engine.enqueue([message('m', 'u1')]);
      await engine.drain();
      expect(sentTo()).to.deep.equal([]);
      clock.set('2026-11-24T12:00:00');
      await engine.drain();
      expect(sentTo()).to.deep.equal(['m for u1']);
    });

    it('honours Retry-After on 429 and then sends', async () => {
      await reachableUser(store, 'u1', serviceUrl);
      let refused = 0;
      connector.respond = () => (refused++ === 0 ? { status: 429, headers: { 'retry-after': '30' } } : undefined);
      await engine.enqueue([message('m', 'u1')]);
      await engine.drain();
      expect(await engine.counts('m')).to.include({ pending: 1, sent: 0 });
      clock.advance({ seconds: 29 });
      await engine.drain();
      expect(refused).to.equal(1);
      clock.advance({ seconds: 1 });
      await engine.drain();
      expect(await engine.counts('m')).to.include({ pending: 0, sent: 1 });
    });

    it('backs off on 503 and gives up after the configured attempts', async () => {
      await reachableUser(store, 'u1', serviceUrl);
      connector.respond = () => ({ status: 503 });
      await engine.enqueue([message('m', 'u1')]);
      for (let i = 0; i < 5; i++) {
        await engine.drain();
        clock.advance({ minutes: 5 });
      }
      const [record] = await engine.records('m');
      expect(record).to.include({ status: 'failed', attempts: 3 });
      expect(record.lastError).to.match(/gave up after 3 attempts: HTTP 503/);
    });

    it('marks people who blocked the bot unreachable (403) and stops trying', async () => {
      await reachableUser(store, 'u1', serviceUrl);
      connector.respond = () => ({ status: 403 });
      await engine.enqueue([message('m', 'u1')]);
      await engine.drain();
      expect(await engine.counts('m')).to.include({ unreachable: 1, pending: 0 });
      expect(await store.conversations.personalChat('u1')).to.equal(undefined);
      expect(connector.calls).to.have.length(1);
    });

    it('drops copies the renderer no longer wants, and copies past their expiry', async () => {
      await reachableUser(store, 'u1', serviceUrl);
      await engine.enqueue([
        message('unwanted', 'u1'),
        message('stale', 'u1', { expiresAt: clock.now().plus({ minutes: 1 }), notBefore: clock.now().plus({ minutes: 5 }) }),
      ]);
      clock.advance({ minutes: 10 });
      await engine.drain();
      expect(sentTo()).to.deep.equal([]);
      expect(await engine.counts('unwanted')).to.include({ cancelled: 1 });
      expect(await engine.counts('stale')).to.include({ expired: 1 });
    });

    it('cancels pending copies, updates sent ones in place, and deletes them on recall', async () => {
      for (const u of ['u1', 'u2']) await reachableUser(store, u, serviceUrl);
      await engine.enqueue([message('m', 'u1')]);
      await engine.drain();
      await engine.enqueue([message('m', 'u2', { notBefore: clock.now().plus({ hours: 1 }) })]);
      expect(await engine.updateSent('m')).to.equal(1);
      clock.advance({ seconds: 3 });
      await engine.drain();
      expect(connector.calls.filter((c) => c.method === 'PUT')).to.have.length(1);
      const recall = await engine.recall('m');
      expect(recall).to.deep.equal({ cancelled: 1, deleting: 1 });
      await engine.drain();
      expect(connector.calls.filter((c) => c.method === 'DELETE')).to.have.length(1);
      expect(await engine.counts('m')).to.include({ recalled: 1, cancelled: 1, sent: 0 });
    });

    it('forgets finished copies of kinds that ask for it, sent or dropped, leaving no record of whom they went to', async () => {
      for (const u of ['u1', 'u2']) await reachableUser(store, u, serviceUrl);
      engine.registerRenderer('private', async ({ userId }) => (userId === 'u2' ? undefined : { text: 'reminder' }), { forgetWhenDone: true });
      await engine.enqueue(['u1', 'u2'].map((userId) => ({ kind: 'private', messageId: 'p', userId, notBefore: clock.now(), urgent: false })));
      await engine.drain();
      expect(sentTo()).to.deep.equal(['reminder']);
      expect(await engine.records('p')).to.deep.equal([]);
    });

    it('records acknowledgements only from people who were sent the message', async () => {
      for (const u of ['u1', 'u2']) await reachableUser(store, u, serviceUrl);
      await engine.enqueue([message('m', 'u1')]);
      await engine.drain();
      expect(await engine.acknowledge('m', 'u1')).to.equal(true);
      expect(await engine.acknowledge('m', 'u2')).to.equal(false);
      expect(await engine.acknowledge('other', 'u1')).to.equal(false);
      expect(await engine.counts('m')).to.include({ sent: 1, acknowledged: 1 });
    });
  });
});
