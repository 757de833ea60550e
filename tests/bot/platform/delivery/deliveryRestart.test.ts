import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { expect } from 'chai';
import { Outbox } from '../../../../bot/platform/delivery/outbox';
import { knownDead } from '../../../../bot/platform/delivery/workerIdentity';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { movableClock, reachableUser, testDeliveryEngine } from '../../../helpers/testDelivery';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

/** The id of a process that has run and ended on this host. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('worker identity', () => {
  const me = `w-${os.hostname()}-${process.pid}-abcdef`;
  it('knows a worker of this host whose process has ended is dead', () => {
    expect(knownDead(`w-${os.hostname()}-${deadPid()}-012345`, me)).to.equal(true);
  });
  it('knows an earlier worker with its own process id (a restarted container) is dead', () => {
    expect(knownDead(`w-${os.hostname()}-${process.pid}-012345`, me)).to.equal(true);
  });
  it('never judges itself, a running process, another host or an id it cannot read', () => {
    expect(knownDead(me, me)).to.equal(false);
    expect(knownDead(`w-${os.hostname()}-${process.ppid}-012345`, me)).to.equal(false);
    expect(knownDead(`w-elsewhere-${deadPid()}-012345`, me)).to.equal(false);
    expect(knownDead(`w-${deadPid()}-012345`, me)).to.equal(false);
  });
});

/** A delivery engine over the test database with one urgent note queued for each user, every user reachable through `serviceUrl`. */
async function queuedNotes(test: TestDatabase, serviceUrl: string, users: string[]) {
  const clock = movableClock('2026-11-24T10:00:00');
  const { engine, store } = testDeliveryEngine(test.opened, clock.now);
  engine.registerRenderer('note', async ({ userId }) => ({ text: userId }));
  for (const u of users) await reachableUser(store, u, serviceUrl);
  await engine.enqueue(users.map((userId) => ({ kind: 'note', messageId: 'restart', userId, notBefore: clock.now(), urgent: true })));
  return { engine, outbox: new Outbox(test.opened.db, clock.now, test.opened.engine) };
}

forEachEngine((dbEngine) => {
  describe(`a restarted delivery worker (${dbEngine})`, function () {
    this.timeout(30000);

    it('takes over the claims of a dead worker of its host at once, not when their lease ends', async () => {
      const test = await openTestDatabase(dbEngine);
      const connector = new FakeConnector();
      const serviceUrl = await connector.start();
      try {
        const users = ['r1', 'r2', 'r3'];
        const { engine, outbox } = await queuedNotes(test, serviceUrl, users);
        // The previous worker claimed everything for an hour and was killed; the clock stands still, so only a takeover sends.
        const dead = `w-${os.hostname()}-${deadPid()}-0a0b0c`;
        const claimed = await outbox.claimDue(dead, 10, 3600_000);
        expect(claimed).to.have.length(3);
        await engine.start();
        const deadline = Date.now() + 10000;
        while (connector.messages().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        await engine.stop();
        expect(
          connector
            .messages()
            .map((m) => String(m.text))
            .sort(),
        ).to.deep.equal(users);
      } finally {
        await connector.stop();
        await test.cleanup();
      }
    });

    it('leaves the claims of a live worker alone until their lease ends', async () => {
      const test = await openTestDatabase(dbEngine);
      if (dbEngine === 'sqlite') return test.cleanup(); // The only SQLite worker always takes everything over.
      const connector = new FakeConnector();
      const serviceUrl = await connector.start();
      try {
        const { engine, outbox } = await queuedNotes(test, serviceUrl, ['r1']);
        await outbox.claimDue(`w-${os.hostname()}-${process.ppid}-0a0b0c`, 10, 3600_000);
        await engine.start();
        await new Promise((r) => setTimeout(r, 500));
        await engine.stop();
        expect(connector.messages()).to.have.length(0);
      } finally {
        await connector.stop();
        await test.cleanup();
      }
    });
  });
});
