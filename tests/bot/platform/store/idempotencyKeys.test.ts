import { expect } from 'chai';
import { DateTime } from 'luxon';
import { idempotencyKeyProblem, IdempotencyKeys, requestHash } from '../../../../bot/platform/store/idempotencyKeys';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const START = DateTime.fromISO('2026-11-23T10:00', { zone: 'Europe/London' });

forEachEngine((engine) => {
  describe(`IdempotencyKeys (${engine})`, function () {
    // A shared PostgreSQL server migrates one schema at a time; under load, opening a fresh one can take a while.
    this.timeout(60000);
    let test: TestDatabase;
    let keys: IdempotencyKeys;
    let clock: DateTime;
    let runs: number;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
      clock = START;
      keys = new IdempotencyKeys(test.opened.db, () => clock);
      runs = 0;
    });
    afterEach(() => test.cleanup());

    /** Work that writes a profile through the root database (it joins the key's transaction), so a rollback can be seen. */
    const work =
      (status = 201) =>
      async () => {
        runs++;
        await test.opened.db
          .insertInto('profiles')
          .values({ user_id: `p${runs}`, topics: '[]', created_at: 'x', updated_at: 'x' })
          .execute();
        return { status, body: { id: runs } };
      };
    const profiles = async () => (await test.opened.db.selectFrom('profiles').select('user_id').execute()).length;

    it('runs the work once and replays its response for the same key and body', async () => {
      const first = await keys.once({ key: 'k1', route: 'POST /x', body: { a: 1, b: [1, 2] } }, work());
      const again = await keys.once({ key: 'k1', route: 'POST /x', body: { b: [1, 2], a: 1 } }, work());
      expect(first).to.deep.equal({ status: 201, body: { id: 1 }, replayed: false });
      expect(again).to.deep.equal({ status: 201, body: { id: 1 }, replayed: true });
      expect(runs).to.equal(1);
      expect(await profiles()).to.equal(1);
    });

    it('answers 409 for the same key with a different body, running nothing', async () => {
      await keys.once({ key: 'k1', route: 'POST /x', body: { a: 1 } }, work());
      const conflict = await keys.once({ key: 'k1', route: 'POST /x', body: { a: 2 } }, work());
      expect(conflict.status).to.equal(409);
      expect(conflict.body).to.deep.include({ error: 'IdempotencyKeyReused' });
      expect(runs).to.equal(1);
    });

    it('keeps keys apart per route', async () => {
      await keys.once({ key: 'k1', route: 'POST /x', body: {} }, work());
      expect((await keys.once({ key: 'k1', route: 'POST /y', body: {} }, work())).replayed).to.equal(false);
      expect(runs).to.equal(2);
    });

    it('does not keep a refusal, and rolls back what the refused work wrote', async () => {
      const refused = await keys.once({ key: 'k1', route: 'POST /x', body: { a: 1 } }, work(422));
      expect(refused).to.deep.include({ status: 422, replayed: false });
      expect(await profiles()).to.equal(0);
      const retried = await keys.once({ key: 'k1', route: 'POST /x', body: { a: 2 } }, work());
      expect(retried).to.deep.include({ status: 201, replayed: false });
    });

    it('rolls back the key when the work throws, so a retry runs it', async () => {
      const failing = keys.once({ key: 'k1', route: 'POST /x', body: {} }, async () => {
        throw new Error('database went away');
      });
      await failing.then(
        () => expect.fail('should have thrown'),
        (err: Error) => expect(err.message).to.equal('database went away'),
      );
      expect((await keys.once({ key: 'k1', route: 'POST /x', body: {} }, work())).replayed).to.equal(false);
    });

    it('rolls back what the work wrote when its response cannot be kept', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const failing = keys.once({ key: 'k1', route: 'POST /x', body: {} }, async () => ({ ...(await work()()), body: circular }));
      await failing.then(
        () => expect.fail('should have thrown'),
        (err: Error) => expect(err.message).to.match(/circular/i),
      );
      expect(await profiles()).to.equal(0);
    });

    it('runs the work once when the same key arrives ten times at once', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => keys.once({ key: 'same', route: 'POST /x', body: { a: 1 } }, work())));
      expect(runs).to.equal(1);
      expect(results.filter((r) => !r.replayed)).to.have.length(1);
      expect(results.every((r) => r.status === 201 && (r.body as { id: number }).id === 1)).to.equal(true);
      expect(await profiles()).to.equal(1);
    });

    it('forgets keys older than a moment', async () => {
      await keys.once({ key: 'old', route: 'POST /x', body: {} }, work());
      clock = START.plus({ days: 8 });
      await keys.once({ key: 'new', route: 'POST /x', body: {} }, work());
      expect(await keys.purgeBefore(START.plus({ days: 1 }))).to.equal(1);
      expect((await keys.once({ key: 'new', route: 'POST /x', body: {} }, work())).replayed).to.equal(true);
    });
  });
});

describe('idempotency key checks', () => {
  it('wants a key of 1 to 255 printable characters', () => {
    expect(idempotencyKeyProblem(undefined)).to.match(/Send an Idempotency-Key header/);
    expect(idempotencyKeyProblem('has space')).to.match(/printable characters/);
    expect(idempotencyKeyProblem('x'.repeat(256))).to.match(/1 to 255/);
    expect(idempotencyKeyProblem('3f1c2a9e-8d1b-4b5e-9d1f-0a2b3c4d5e6f')).to.equal(undefined);
  });

  it('hashes bodies that mean the same the same, and different ones differently', () => {
    expect(requestHash({ a: 1, b: { c: 2, d: undefined } })).to.equal(requestHash({ b: { c: 2 }, a: 1 }));
    expect(requestHash({ a: [1, 2] })).to.not.equal(requestHash({ a: [2, 1] }));
  });
});
