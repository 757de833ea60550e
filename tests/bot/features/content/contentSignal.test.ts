import { expect } from 'chai';
import { contentChannel } from '../../../../bot/features/content/contentSignal';
import { Services } from '../../../../bot/app/services';
import { testBotServices } from '../../../helpers/testBot';
import { openTestDatabase, postgresAvailability, TestDatabase } from '../../../helpers/testDatabase';

const API = { name: 'admin-api', secondPerson: false };
const NEW_OWNER = 'Signalled Owner Team';

describe('content change signal between replicas', () => {
  it('gives each PostgreSQL schema its own channel, a valid identifier', () => {
    const a = contentChannel('t_abc');
    expect(a).to.match(/^[a-z_][a-z0-9_]{0,62}$/);
    expect(contentChannel('t_abd')).to.not.equal(a);
    expect(contentChannel(undefined)).to.equal(contentChannel(undefined));
  });

  describe('(postgres)', () => {
    let database: TestDatabase;
    let replicaA: Services;
    let replicaB: Services;

    before(async function () {
      if (!postgresAvailability().url) {
        console.log(`      skipped: ${postgresAvailability().reason}`);
        this.skip();
      }
      database = await openTestDatabase('postgres');
      // The poll is as slow as the setting allows, so only the announcement can bring the change in this test's time.
      const env = { ...database.env, CONTENT_POLL_MS: '60000', DELIVERY_WORKER: 'off' };
      replicaA = await testBotServices(env, { database: database.opened });
      replicaB = await testBotServices(env, { database: database.opened });
    });
    after(async () => {
      await replicaA?.close();
      await replicaB?.close();
      await database?.cleanup();
    });

    it('a publish on replica A is announced and replica B swaps in the new index without waiting for its poll', async () => {
      const before = replicaB.content.knowledge.revision;
      const { editing } = replicaA.content;
      const current = await editing.show('asye');
      expect((await editing.edit('asye', { owner: NEW_OWNER, version: current.body.version }, API)).status).to.equal(200);
      expect((await editing.publish('asye', {}, API)).status).to.equal(200);
      // Bounded by the poll interval: the poll would take 60 s, the mocha timeout is shorter than two polls.
      const deadline = Date.now() + 30000;
      while (replicaB.content.knowledge.revision === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(replicaB.content.knowledge.revision, 'replica B heard of the publish').to.be.greaterThan(before);
      expect(replicaB.answerer.entry('asye')?.owner).to.equal(NEW_OWNER);
    });

    it('a training catalogue publish on replica A reaches replica B by the same signal, without waiting for its poll', async () => {
      const { editing } = replicaA.catalogue;
      const course = replicaB.catalogue.live.catalogue.courses[0];
      const title = `${course.title} (signalled)`;
      const current = await editing.show('course', course.id);
      expect((await editing.edit('course', course.id, { title, version: current.body.version }, API)).status).to.equal(200);
      expect((await editing.publish('course', course.id, {}, API)).status).to.equal(200);
      // The poll would take 60 s; only the announcement brings the change within this deadline.
      const titleOnB = () => replicaB.catalogue.live.catalogue.courses.find((c) => c.id === course.id)?.title;
      const deadline = Date.now() + 30000;
      while (titleOnB() !== title && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(titleOnB(), 'replica B heard of the catalogue publish').to.equal(title);
    });
  });
});
