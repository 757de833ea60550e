import { expect } from 'chai';
import { AppInstaller } from '../../../../bot/features/directory/appInstaller';
import { AttributeMapping } from '../../../../bot/features/directory/attributeMapping';
import { DirectoryStore } from '../../../../bot/features/directory/directoryStore';
import { GraphClient } from '../../../../bot/features/directory/graphClient';
import { SendTimeInstaller } from '../../../../bot/features/directory/sendTimeInstaller';
import { HttpConnectorSender } from '../../../../bot/platform/delivery/connectorSender';
import { DeliveryEngine } from '../../../../bot/platform/delivery/deliveryEngine';
import { Store } from '../../../../bot/platform/store/createStore';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { FakeGraph } from '../../../helpers/fakeGraph';
import { movableClock, reachableUser, testDeliveryEngine } from '../../../helpers/testDelivery';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const APP = 'catalog-app-send';
const oid = (i: number) => `cccccccc-0000-0000-0000-${String(i).padStart(12, '0')}`;
const MAPPING = AttributeMapping.parse(`
owner: Comms team
review_by: 2027-05-31
rules: []
`);

forEachEngine((dbEngine) => {
  describe(`delivery engine: installing the personal app at send time (${dbEngine})`, () => {
    const graph = new FakeGraph();
    const connector = new FakeConnector();
    let urls: { baseUrl: string; loginBaseUrl: string };
    let serviceUrl: string;
    let test: TestDatabase;
    let engine: DeliveryEngine;
    let store: Store;
    let people: DirectoryStore;
    let clock: ReturnType<typeof movableClock>;
    let paced: string[];

    before(async () => {
      urls = await graph.start();
      serviceUrl = await connector.start();
    });
    after(async () => {
      await graph.stop();
      await connector.stop();
    });

    beforeEach(async () => {
      graph.users.length = 0;
      graph.installed.clear();
      graph.noChat.clear();
      graph.forbidInstall.clear();
      graph.calls.length = 0;
      connector.calls.length = 0;
      for (let i = 1; i <= 4; i++) graph.users.push({ id: oid(i), displayName: `Person ${i}`, accountEnabled: true });
      // The connector lists each new chat's member with their Teams id, as Teams does.
      connector.respond = (call) => {
        const chat = /^\/v3\/conversations\/19%3A(.+)_app%40unq\.gbl\.spaces\/members$/.exec(call.url);
        return call.method === 'GET' && chat ? { status: 200, body: [{ id: `29:teams-${chat[1].slice(-2)}`, aadObjectId: chat[1] }] } : undefined;
      };
      test = await openTestDatabase(dbEngine);
      clock = movableClock('2026-11-24T10:00:00');
      paced = [];
      let holder: { engine?: DeliveryEngine } = {};
      const pace = async (tenant: string, key: string) => {
        paced.push(key);
        await holder.engine!.paceConnectorCall(tenant, key);
      };
      const built = testDeliveryEngine(test.opened, clock.now, {}, {});
      store = built.store;
      people = new DirectoryStore(test.opened.db, clock.now);
      const client = new GraphClient(
        { tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, ...urls, maxAttempts: 3 },
        { sleep: async () => undefined, pace: () => pace(graph.tenantId, 'graph') },
      );
      const connectorReads = new HttpConnectorSender(async () => undefined, 5000);
      const installer = new AppInstaller(
        client,
        { catalogAppId: APP, tenantId: graph.tenantId, serviceUrl, botId: '28:bot' },
        { install: (i) => people.saveInstall(i), conversation: (r) => store.conversations.upsert(r) },
        async (url, chatId) => {
          await pace(graph.tenantId, chatId);
          return connectorReads.read(`${url.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(chatId)}/members`);
        },
      );
      const installs = new SendTimeInstaller({ installer, people, conversations: store.conversations });
      ({ engine } = testDeliveryEngine(test.opened, clock.now, {}, { installs }));
      holder = { engine };
      engine.registerRenderer('note', async ({ messageId, userId }) => ({ text: `${messageId} for ${userId}` }));
      await people.upsertPeople(
        [1, 2, 3, 4].map((i) => ({ source: 'graph' as const, aadObjectId: oid(i), displayName: `Person ${i}`, attributes: {}, enabled: true })),
        MAPPING,
      );
    });
    afterEach(() => test.cleanup());

    const note = (messageId: string, userId: string) => ({ kind: 'note', messageId, userId, notBefore: clock.now(), urgent: true });
    const installPosts = () => graph.graphCalls().filter((c) => c.method === 'POST' && /teamwork\/installedApps$/.test(c.path));
    const sends = () => connector.calls.filter((c) => c.method === 'POST' && /\/activities$/.test(c.url));

    it('queues directory people who have no chat, installs the app on first send, and sends to the chat it read back', async () => {
      expect(await engine.enqueue([note('m1', `aad:${oid(1)}`), note('m1', `aad:${oid(2)}`)])).to.deep.equal({ queued: 2, duplicates: 0, unreachable: 0 });
      await engine.drain();
      expect(installPosts()).to.have.length(2);
      expect(
        sends()
          .map((c) => c.conversationId)
          .sort(),
      ).to.deep.equal([`19:${oid(1)}_app@unq.gbl.spaces`, `19:${oid(2)}_app@unq.gbl.spaces`]);
      expect(await engine.counts('m1')).to.include({ sent: 2 });
      // The copies now carry the Teams ids read from the chats, so "Got it" from the card matches.
      expect(await engine.wasSentTo('m1', '29:teams-01')).to.equal(true);
      expect(await engine.acknowledge('m1', '29:teams-02')).to.equal(true);
      // Graph calls and the member reads waited for turns under the shared limit, like sends.
      expect(paced.filter((k) => k === 'graph').length).to.be.at.least(6);
      expect(paced.filter((k) => k.startsWith('19:'))).to.have.length(2);
    });

    it('installs once for two messages to one person handled together, and never again for a later one', async () => {
      await engine.enqueue([note('m1', `aad:${oid(3)}`), note('m2', `aad:${oid(3)}`)]);
      await engine.drain();
      expect(installPosts()).to.have.length(1);
      expect(sends()).to.have.length(2);
      await engine.enqueue([note('m3', `aad:${oid(3)}`)]);
      await engine.drain();
      expect(installPosts()).to.have.length(1);
      expect(sends()).to.have.length(3);
      expect(await engine.counts('m3')).to.include({ sent: 1 });
    });

    it('does not install again when the send after an install failed and is retried (as after a crash)', async () => {
      let refused = 0;
      const members = connector.respond!;
      connector.respond = (call) => (call.method === 'POST' && /\/activities$/.test(call.url) && refused++ === 0 ? { status: 503 } : members(call));
      await engine.enqueue([note('m1', `aad:${oid(4)}`)]);
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ pending: 1, sent: 0 });
      clock.advance({ minutes: 5 });
      await engine.drain();
      expect(installPosts()).to.have.length(1);
      expect(await engine.counts('m1')).to.include({ sent: 1 });
      expect(sends()).to.have.length(2);
    });

    it('records why when Graph refuses the install (403, consent missing) and sends nothing', async () => {
      graph.forbidInstall.add(oid(2));
      await engine.enqueue([note('m1', `aad:${oid(2)}`)]);
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ unreachable: 1, sent: 0 });
      const [record] = await engine.records('m1');
      expect(record.lastError).to.match(/consent missing/);
      expect(sends()).to.have.length(0);
      expect((await people.installs()).get(oid(2))).to.include({ status: 'failed' });
    });

    it('tries again later when the chat is not ready yet, then sends', async () => {
      graph.noChat.add(oid(1));
      await engine.enqueue([note('m1', `aad:${oid(1)}`)]);
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ pending: 1 });
      expect((await engine.records('m1'))[0].lastError).to.match(/chat could not be read yet/);
      graph.noChat.delete(oid(1));
      clock.advance({ minutes: 5 });
      await engine.drain();
      expect(await engine.counts('m1')).to.include({ sent: 1 });
      // The second attempt found the app already there (409) and only read its chat.
      expect([...(graph.installed.get(oid(1))?.keys() ?? [])]).to.deep.equal([APP]);
    });

    it('does not treat people outside the directory as installable', async () => {
      await reachableUser(store, '29:known', serviceUrl);
      expect(await engine.enqueue([note('m1', 'aad:not-in-directory'), note('m1', '29:stranger'), note('m1', '29:known')])).to.include({
        queued: 1,
        unreachable: 2,
      });
    });
  });
});
