import { expect } from 'chai';
import { DateTime } from 'luxon';
import { countAudience, reachableNow, resolveAudience } from '../../../../bot/features/audience/resolveAudience';
import { AppInstaller, directoryRecipient } from '../../../../bot/features/directory/appInstaller';
import { AttributeMapping } from '../../../../bot/features/directory/attributeMapping';
import { DirectoryStore } from '../../../../bot/features/directory/directoryStore';
import { DirectorySyncJob } from '../../../../bot/features/directory/directorySync';
import { GraphClient } from '../../../../bot/features/directory/graphClient';
import { createStore, Store } from '../../../../bot/platform/store/createStore';
import { FakeGraph } from '../../../helpers/fakeGraph';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { silentLogger } from '../../../helpers/testServices';

const APP = 'catalog-app-1';
const GROUP = '22222222-2222-2222-2222-222222222222';
const NESTED_ONLY = '33333333-3333-3333-3333-333333333333';
const oid = (i: number) => `aaaaaaaa-0000-0000-0000-${String(i).padStart(12, '0')}`;

const MAPPING = AttributeMapping.parse(`
owner: Comms team
review_by: 2027-05-31
rules:
  - match: { jobTitle: '/social worker/i' }
    set: { role: social-worker, sector: social-family-community }
  - match: { companyName: Leicestershire County Council }
    set: { authority: leicestershire }
  - match: { officeLocation: '/./' }
    set: { locality: '{{officeLocation}}' }
`);

forEachEngine((engine) => {
  describe(`directory sync, installs and audiences (${engine})`, () => {
    const graph = new FakeGraph();
    let urls: { baseUrl: string; loginBaseUrl: string };
    let test: TestDatabase;
    let store: Store;
    let people: DirectoryStore;
    let job: DirectorySyncJob;
    let paced: string[];
    const now = () => DateTime.fromISO('2026-11-30T10:00:00Z');

    before(async () => {
      urls = await graph.start();
    });
    after(() => graph.stop());

    beforeEach(async () => {
      graph.users.length = 0;
      graph.groups.clear();
      graph.installed.clear();
      graph.noChat.clear();
      graph.groupNames.clear();
      graph.calls.length = 0;
      graph.pageSize = 4;
      for (let i = 1; i <= 10; i++) {
        graph.users.push({
          id: oid(i),
          displayName: `Person ${i}`,
          mail: `p${i}@leics.example`,
          jobTitle: i <= 4 ? 'Senior Social Worker' : 'Administrator',
          companyName: 'Leicestershire County Council',
          officeLocation: i % 2 ? 'Loughborough' : 'Glenfield',
          accountEnabled: i !== 10,
        });
      }
      graph.groups.set(GROUP, [oid(1), oid(2), oid(5), oid(10)]);
      graph.groups.set(NESTED_ONLY, [oid(3)]);
      test = await openTestDatabase(engine);
      store = createStore(test.opened.db, now);
      people = new DirectoryStore(test.opened.db, now);
      paced = [];
      const client = new GraphClient(
        { tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, ...urls },
        { sleep: async () => undefined, pace: async () => void paced.push('graph') },
      );
      const installer = new AppInstaller(
        client,
        { catalogAppId: APP, tenantId: graph.tenantId, serviceUrl: 'https://smba.example/uk/', botId: 'bot-id' },
        { install: (i) => people.saveInstall(i), conversation: (r) => store.conversations.upsert(r) },
      );
      job = new DirectorySyncJob({
        store: people,
        mapping: () => MAPPING,
        graph: client,
        installer,
        groups: [GROUP],
        reachable: async () => new Set((await store.conversations.activePersonalChats()).map((c) => c.aadObjectId!).filter(Boolean)),
        now,
        logger: silentLogger,
      });
      // Person 1 already chats with the bot under their Teams id.
      await store.conversations.upsert({
        userId: '29:one',
        conversationId: 'a:one',
        aadObjectId: oid(1),
        tenantId: graph.tenantId,
        channelId: 'msteams',
        scope: 'personal',
        serviceUrl: 'https://smba.example/uk/',
        reference: {},
      });
    });
    afterEach(() => test.cleanup());

    const syncNow = async (groups: string[] = []) => {
      const id = await job.start('test', groups);
      await job.finished();
      return (await people.sync(id))!;
    };
    const directory = () => ({ people, canInstall: true });

    it('reads every enabled user over pages, maps their attributes, reads groups, and installs the app for those without a chat', async () => {
      const sync = await syncNow();
      expect(sync).to.include({ status: 'done', phase: 'done', users: 9, groups: 1, installed: 8, installProblems: 0 });
      const enabled = await people.enabledPeople();
      expect(enabled).to.have.length(9);
      const two = enabled.find((p) => p.aadObjectId === oid(2))!;
      expect(two.targeting).to.deep.equal({ role: 'social-worker', sector: 'social-family-community', authority: 'leicestershire', locality: 'Glenfield' });
      // Nobody who already chats is installed for; each install read back a chat and stored it.
      expect(graph.installed.has(oid(1))).to.equal(false);
      const chat = (await store.conversations.personalChats([directoryRecipient(oid(2))])).get(directoryRecipient(oid(2)))!;
      expect(chat.conversationId).to.equal(`19:${oid(2)}_app@unq.gbl.spaces`);
      expect(chat.serviceUrl).to.equal('https://smba.example/uk/');
      const bind = graph.calls.find((c) => c.method === 'POST' && c.path.endsWith('/installedApps'))!.body as Record<string, string>;
      expect(bind['teamsApp@odata.bind']).to.equal(`${urls.baseUrl}/appCatalogs/teamsApps/${APP}`);
      // Every Graph call waited for its turn under the shared rate limit.
      expect(paced.length).to.equal(graph.graphCalls().length);
    });

    it("stores each group's display name from Graph, so the picker and count name it", async () => {
      graph.groupNames.set(GROUP, 'Leicestershire social workers');
      await syncNow([NESTED_ONLY]);
      const groups = await people.groups();
      expect(groups.find((g) => g.groupId === GROUP)).to.include({ displayName: 'Leicestershire social workers', members: 4 });
      // A group Graph gives no name for keeps none, and is shown by its id.
      expect(groups.find((g) => g.groupId === NESTED_ONLY)!.displayName).to.equal(undefined);
      expect([...(await people.groupNames())]).to.deep.equal([[GROUP, 'Leicestershire social workers']]);
    });

    it('treats 409 (already installed) as installed and still reads the chat back', async () => {
      graph.installed.set(oid(3), new Map([[APP, 'install-3']]));
      await syncNow();
      const chats = await store.conversations.personalChats([directoryRecipient(oid(3))]);
      expect(chats.get(directoryRecipient(oid(3)))?.conversationId).to.equal(`19:${oid(3)}_app@unq.gbl.spaces`);
      expect((await people.installs()).get(oid(3))?.status).to.equal('installed');
    });

    it('records a missing chat and leaves that person not reachable, saying why', async () => {
      graph.noChat.add(oid(4));
      await syncNow();
      expect((await people.installs()).get(oid(4))).to.include({ status: 'no-chat' });
      const all = await resolveAudience({ roles: ['social-worker'] }, { ...store, directory: directory() }, { includeUnreachable: true });
      const four = all.find((r) => r.userId === `aad:${oid(4)}`)!;
      expect(four.reach).to.deep.equal({ via: 'none', reason: 'app installed but its chat could not be read yet' });
      expect(reachableNow(all).map((r) => r.userId)).to.not.include(`aad:${oid(4)}`);
    });

    it('resolves everyone as every enabled user once, whatever way they are known', async () => {
      await syncNow();
      const everyone = await resolveAudience({ everyone: true }, { ...store, directory: directory() });
      // Person 1 by their own chat (Teams id), 2 to 9 by chats opened by installing the app; 10 is disabled.
      expect(everyone.map((r) => r.userId).sort()).to.deep.equal(['29:one', ...[2, 3, 4, 5, 6, 7, 8, 9].map((i) => `aad:${oid(i)}`)].sort());
      expect(everyone.every((r) => r.reach?.via === 'chat')).to.equal(true);
    });

    it('resolves an Entra group to its transitive members, and a group read on request', async () => {
      await syncNow([NESTED_ONLY]);
      const group = await resolveAudience({ groups: [GROUP] }, { ...store, directory: directory() }, { includeUnreachable: true });
      // Person 10 is in the group but their account is disabled: reading the group does not bring them back.
      expect(group.map((r) => r.userId).sort()).to.deep.equal(['29:one', `aad:${oid(2)}`, `aad:${oid(5)}`].sort());
      const nested = await resolveAudience({ groups: [NESTED_ONLY] }, { ...store, directory: directory() });
      expect(nested.map((r) => r.userId)).to.deep.equal([`aad:${oid(3)}`]);
      // Groups narrow attribute filters too: social workers in the group only.
      const both = await resolveAudience({ groups: [GROUP], roles: ['social-worker'] }, { ...store, directory: directory() });
      expect(both.map((r) => r.userId).sort()).to.deep.equal(['29:one', `aad:${oid(2)}`].sort());
    });

    it('counts people who need the app before it is installed, and not reachable ones with the reason', async () => {
      const noInstall = new DirectorySyncJob({
        store: people,
        mapping: () => MAPPING,
        graph: new GraphClient({ tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, ...urls }),
        groups: [],
        reachable: async () => new Set(),
        now,
        logger: silentLogger,
      });
      await noInstall.start('test');
      await noInstall.finished();
      const withInstall = countAudience(await resolveAudience({ everyone: true }, { ...store, directory: directory() }, { includeUnreachable: true }));
      expect(withInstall).to.deep.equal({ inAudience: 9, reachableNow: 1, needsInstall: 8, notReachable: 0, reasons: {} });
      const off = countAudience(
        await resolveAudience({ everyone: true }, { ...store, directory: { people, canInstall: false } }, { includeUnreachable: true }),
      );
      expect(off.notReachable).to.equal(8);
      expect(Object.keys(off.reasons)).to.deep.equal(['no personal app, and proactive installation is off (GRAPH_TEAMS_APP_ID)']);
      // What delivery queues is unchanged: only people reachable now.
      expect((await resolveAudience({ everyone: true }, { ...store, directory: directory() })).map((r) => r.userId)).to.deep.equal(['29:one']);
    });

    it('targets on the directory, with self-declared settings where it says nothing', async () => {
      await syncNow();
      // Person 1 said they are in Hinckley team; the directory gives no team, so their own setting counts.
      await store.profiles.save({ userId: '29:one', aadObjectId: oid(1), team: 'Hinckley', locality: 'Somewhere else', topics: [] });
      const byTeam = await resolveAudience({ teams: ['Hinckley'] }, { ...store, directory: directory() });
      expect(byTeam.map((r) => r.userId)).to.deep.equal(['29:one']);
      // The directory says Loughborough, so that wins over the self-declared locality.
      const byLocality = await resolveAudience({ localities: ['Loughborough'] }, { ...store, directory: directory() });
      expect(byLocality.map((r) => r.userId)).to.include('29:one');
      const elsewhere = await resolveAudience({ localities: ['Somewhere else'] }, { ...store, directory: directory() });
      expect(elsewhere).to.have.length(0);
    });

    it('disables people a later sync no longer lists, so they leave every audience', async () => {
      await syncNow();
      graph.users.splice(
        graph.users.findIndex((u) => u.id === oid(9)),
        1,
      );
      const later = new DirectorySyncJob({
        store: new DirectoryStore(test.opened.db, () => now().plus({ hours: 1 })),
        mapping: () => MAPPING,
        graph: new GraphClient({ tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, ...urls }),
        groups: [],
        reachable: async () => new Set(),
        now: () => now().plus({ hours: 1 }),
        logger: silentLogger,
      });
      await later.start('test');
      await later.finished();
      expect((await people.enabledPeople()).map((p) => p.aadObjectId)).to.not.include(oid(9));
    });

    it('records a group Graph cannot read, and the sync still finishes', async () => {
      const missing = '44444444-4444-4444-4444-444444444444';
      const sync = await syncNow([missing]);
      expect(sync.status).to.equal('done');
      const groups = await people.groups();
      expect(groups.find((g) => g.groupId === missing)?.problem).to.match(/404/);
    });

    it('a sync that cannot sign in fails with the reason kept', async () => {
      const broken = new DirectorySyncJob({
        store: people,
        mapping: () => MAPPING,
        graph: new GraphClient({ tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: 'wrong', ...urls }),
        groups: [],
        reachable: async () => new Set(),
        now,
        logger: silentLogger,
      });
      const id = await broken.start('test');
      await broken.finished();
      const sync = (await people.sync(id))!;
      expect(sync.status).to.equal('failed');
      expect(sync.problem).to.match(/GRAPH_CLIENT_SECRET/);
    });
  });
});
