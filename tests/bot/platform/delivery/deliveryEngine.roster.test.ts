import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DeliveryEngine } from '../../../../bot/platform/delivery/deliveryEngine';
import { Store } from '../../../../bot/platform/store/createStore';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { MovableClock, reachableUser, testDeliveryEngine, useDeliveryEngine } from '../../../helpers/testDelivery';
import { forEachEngine, TestDatabase } from '../../../helpers/testDatabase';

const TEAM = '19:team@thread.tacv2';

forEachEngine((dbEngine) => {
  describe(`delivery engine: roster members without a chat (${dbEngine})`, () => {
    let test: TestDatabase;
    let engine: DeliveryEngine;
    let store: Store;
    let clock: MovableClock;
    const connector = new FakeConnector();
    let serviceUrl: string;

    useDeliveryEngine(dbEngine, '2026-11-24T10:00:00', connector, async (made) => {
      ({ test, engine, store, clock, serviceUrl } = made);
      engine.registerRenderer('note', async ({ messageId, userId }) => ({ text: `${messageId} for ${userId}` }));
      await store.rosters.saveTeam({ teamId: TEAM, tenantId: 'tenant-1', serviceUrl, botId: '28:bot', generalChannelId: TEAM });
      await store.rosters.addMembers(TEAM, [{ userId: '29:a', aadObjectId: 'aad-a' }, { userId: '29:b' }]);
    });

    const note = (messageId: string, userId: string) => ({ kind: 'note', messageId, userId, notBefore: clock.now(), urgent: true });
    const opens = () => connector.calls.filter((c) => c.method === 'POST' && /\/v3\/conversations\/?$/.test(c.url));

    it('opens one chat per person even when two messages for them are handled together, then reuses it', async () => {
      expect(await engine.enqueue([note('m1', '29:a'), note('m2', '29:a'), note('m1', '29:b')])).to.deep.equal({ queued: 3, duplicates: 0, unreachable: 0 });
      await engine.drain();
      expect(opens()).to.have.length(2);
      expect(await engine.counts('m1')).to.include({ sent: 2 });
      expect(await engine.counts('m2')).to.include({ sent: 1 });
      const chat = await store.conversations.personalChat('29:a');
      expect(connector.messages().filter((m) => (m.conversation as { id: string }).id === chat!.conversationId)).to.have.length(2);
      await engine.enqueue([note('m3', '29:a')]);
      await engine.drain();
      expect(opens()).to.have.length(2);
    });

    it('marks the person unreachable when Teams refuses to open the chat (403), and sends nothing', async () => {
      connector.respond = (call) =>
        call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.url)
          ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
          : undefined;
      await engine.enqueue([note('m1', '29:b')]);
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ unreachable: 1, sent: 0 });
      expect(connector.messages()).to.have.length(0);
      expect(await store.conversations.personalChat('29:b')).to.equal(undefined);
    });

    it('waits out a 429 on opening a chat and tries again after Retry-After', async () => {
      let refused = 0;
      connector.respond = (call) =>
        call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.url) && refused++ === 0 ? { status: 429, headers: { 'retry-after': '3' } } : undefined;
      await engine.enqueue([note('m1', '29:b')]);
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ pending: 1, sent: 0 });
      clock.advance({ seconds: 4 });
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ sent: 1 });
      expect(opens()).to.have.length(2);
    });

    it('never sends a copy twice when its lease runs out while this worker still holds it', async () => {
      let ms = clock.now().toMillis();
      // Every reading of the clock moves it on, so each claim's zero-length lease has ended by the next claim.
      const ticking = () => DateTime.fromMillis((ms += 10), { zone: 'Europe/London' });
      const slow = testDeliveryEngine(test.opened, ticking, { leaseMs: 0, batchSize: 4, concurrency: 1 });
      slow.engine.registerRenderer('note', async ({ messageId, userId }) => ({ text: `${messageId} for ${userId}` }));
      const people = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
      for (const u of people) await reachableUser(store, u, serviceUrl);
      await slow.engine.enqueue(people.map((u) => ({ ...note('lease', u), notBefore: ticking() })));
      await slow.engine.drain();
      const texts = connector.messages().map((m) => String(m.text));
      expect(texts.sort()).to.deep.equal(people.map((u) => `lease for ${u}`).sort());
    });

    it('does not reach members of a team the app was removed from', async () => {
      await store.rosters.deactivateTeam(TEAM);
      expect(await engine.enqueue([note('m1', '29:a')])).to.include({ queued: 0, unreachable: 1 });
    });
  });
});
