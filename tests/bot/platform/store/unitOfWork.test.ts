import { expect } from 'chai';
import { inTransaction } from '../../../../bot/platform/store/unitOfWork';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

forEachEngine((engine) => {
  describe(`unit of work (${engine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;

    beforeEach(async () => {
      test = await openTestDatabase(engine);
    });
    afterEach(() => test.cleanup());

    const addProfile = (userId: string) =>
      test.opened.db.insertInto('profiles').values({ user_id: userId, topics: '[]', created_at: 'x', updated_at: 'x' }).execute();
    const profiles = async () => (await test.opened.db.selectFrom('profiles').select('user_id').orderBy('user_id').execute()).map((r) => r.user_id);

    it('rolls back every write made through the root database when the work throws', async () => {
      const failed = inTransaction(test.opened.db, async () => {
        await addProfile('a');
        expect(await profiles()).to.deep.equal(['a']);
        throw new Error('stop');
      });
      await failed.then(
        () => expect.fail('should have thrown'),
        (err: Error) => expect(err.message).to.equal('stop'),
      );
      expect(await profiles()).to.deep.equal([]);
    });

    it('commits the writes together when the work succeeds', async () => {
      await inTransaction(test.opened.db, async () => {
        await addProfile('a');
        await addProfile('b');
      });
      expect(await profiles()).to.deep.equal(['a', 'b']);
    });

    it('turns a transaction opened inside the unit into a savepoint that undoes only its own writes', async () => {
      await inTransaction(test.opened.db, async () => {
        await addProfile('a');
        await test.opened.db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('profiles').values({ user_id: 'b', topics: '[]', created_at: 'x', updated_at: 'x' }).execute();
            throw new Error('inner');
          })
          .catch(() => undefined);
        await test.opened.db.transaction().execute(async () => addProfile('c'));
      });
      expect(await profiles()).to.deep.equal(['a', 'c']);
    });

    it('leaves queries from outside the unit on their own connection, seeing only committed rows', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const written = new Promise<void>((resolve) => (inserted = resolve));
      const unit = inTransaction(test.opened.db, async () => {
        await addProfile('a');
        inserted();
        await held;
      });
      await written;
      if (engine === 'postgres') {
        // Another connection: it does not wait, and does not see the unit's rows before they commit.
        expect(await profiles()).to.deep.equal([]);
        release();
      } else {
        // SQLite's single connection is the unit's, so an outside query waits for the commit instead of joining.
        const outside = profiles();
        release();
        expect(await outside).to.deep.equal(['a']);
      }
      await unit;
      expect(await profiles()).to.deep.equal(['a']);
    });
  });
});
