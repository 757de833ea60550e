import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { openDatabase } from '../../../../bot/platform/store/openDatabase';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { movableClock, reachableUser, testDeliveryEngine } from '../../../helpers/testDelivery';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { silentLogger } from '../../../helpers/testServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

const WORKER = path.join(__dirname, 'fixtures', 'deliveryWorker.ts');
const RECIPIENTS = 300;

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', WORKER], {
    env: { ...process.env, ...env, DELIVERY_RATE_PER_SECOND: '200', DELIVERY_CONCURRENCY: '16', DELIVERY_LEASE_SECONDS: '2', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

forEachEngine((dbEngine) => {
  describe(`delivery killed half-way (${dbEngine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;
    const connector = new FakeConnector();

    before(async () => {
      test = await openTestDatabase(dbEngine);
    });
    after(async () => {
      await connector.stop();
      await test.cleanup();
    });

    it('loses nothing after SIGKILL and a restart, and sends twice only what was in flight', async () => {
      const serviceUrl = await connector.start();
      const clock = movableClock(DateTime.now().setZone('Europe/London').toISO()!);
      const { engine, store } = testDeliveryEngine(test.opened, clock.now);
      const users = Array.from({ length: RECIPIENTS }, (_, i) => `crash-${i}`);
      for (const u of users) await reachableUser(store, u, serviceUrl);
      await engine.enqueue(users.map((userId) => ({ kind: 'note', messageId: 'crash', userId, notBefore: clock.now(), urgent: true })));

      const first = startWorker(test.env);
      await waitFor(() => connector.messages().length >= RECIPIENTS / 2, 30000);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const atKill = connector.messages().length;

      const second = startWorker(test.env);
      await waitFor(async () => (await engine.counts('crash')).pending === 0, 30000);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));

      const received = new Map<string, number>();
      for (const m of connector.messages()) {
        const user = String(m.text).replace('crash for ', '');
        received.set(user, (received.get(user) ?? 0) + 1);
      }
      const lost = users.filter((u) => !received.has(u));
      const duplicates = [...received.values()].filter((n) => n > 1).length;
      expect(atKill).to.be.lessThan(RECIPIENTS);
      expect(lost).to.deep.equal([]);
      expect(duplicates, 'copies sent twice').to.be.at.most(16);
      expect(await engine.counts('crash')).to.include({ sent: RECIPIENTS, pending: 0 });
    });
  });
});

forEachEngine((dbEngine) => {
  if (dbEngine !== 'postgres') return;
  describe('two workers sharing one send (postgres)', () => {
    it('split the work with no copy sent twice', async () => {
      const test = await openTestDatabase('postgres');
      // The second worker has its own connection pool, as another replica would.
      const other = await openDatabase({
        dataDir: '',
        databaseUrl: test.env.DATABASE_URL,
        databaseSchema: test.env.DATABASE_SCHEMA,
        connectTimeoutMs: 5000,
        logger: silentLogger,
        migrations: migrationFolders,
      });
      const connector = new FakeConnector();
      const serviceUrl = await connector.start();
      try {
        const clock = movableClock('2026-11-24T10:00:00');
        const a = testDeliveryEngine(test.opened, clock.now, { batchSize: 20 });
        const b = testDeliveryEngine(other, clock.now, { batchSize: 20 });
        for (const engine of [a.engine, b.engine]) engine.registerRenderer('note', async ({ userId }) => ({ text: userId }));
        const users = Array.from({ length: 200 }, (_, i) => `pair-${i}`);
        for (const u of users) await reachableUser(a.store, u, serviceUrl);
        await a.engine.enqueue(users.map((userId) => ({ kind: 'note', messageId: 'pair', userId, notBefore: clock.now(), urgent: true })));
        const [byA, byB] = await Promise.all([a.engine.drain(), b.engine.drain()]);
        const texts = connector.messages().map((m) => String(m.text));
        expect(texts).to.have.length(200);
        expect(new Set(texts).size).to.equal(200);
        expect(byA).to.be.greaterThan(0);
        expect(byB).to.be.greaterThan(0);
      } finally {
        await connector.stop();
        await other.db.destroy();
        await test.cleanup();
      }
    });
  });
});
