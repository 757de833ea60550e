import { expect } from 'chai';
import { DateTime } from 'luxon';
import { DirectoryStore } from '../../../../bot/features/directory/directoryStore';
import { installRetryAt } from '../../../../bot/features/directory/installRetry';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { movableClock } from '../../../helpers/testDelivery';

const OID = 'cccccccc-0000-0000-0000-000000000001';
const refused = { aadObjectId: OID, status: 'failed' as const, problem: 'Forbidden', httpStatus: 403 };

describe('the wait before a refused install is tried again', () => {
  it('is an hour after the first refusal, doubles with each refusal in a row, and never exceeds a day', () => {
    const at = '2026-11-24T10:00:00.000Z';
    const waits = [1, 2, 3, 5, 6, 40].map((failures) => installRetryAt(at, failures).diff(DateTime.fromISO(at), 'hours').hours);
    expect(waits).to.deep.equal([1, 2, 4, 16, 24, 24]);
  });
});

forEachEngine((engine) => {
  describe(`refused installs in a row, as the directory store counts them (${engine})`, () => {
    let test: TestDatabase;
    const clock = movableClock('2026-11-24T10:00:00');
    let people: DirectoryStore;
    const install = async () => (await people.installs()).get(OID)!;
    before(async () => {
      test = await openTestDatabase(engine);
      people = new DirectoryStore(test.opened.db, clock.now);
    });
    after(() => test.cleanup());

    it('counts each refusal, says when the wait has passed, and starts again from nothing once the app is installed', async () => {
      await people.saveInstall(refused);
      expect(await install()).to.include({ failures: 1, retryDue: false });
      clock.advance({ minutes: 61 });
      expect((await install()).retryDue).to.equal(true);
      await people.saveInstall(refused);
      clock.advance({ minutes: 61 });
      expect(await install()).to.include({ failures: 2, retryDue: false });
      clock.advance({ minutes: 60 });
      expect((await install()).retryDue).to.equal(true);
      await people.saveInstall({ aadObjectId: OID, status: 'installed', chatId: '19:chat' });
      expect(await install()).to.include({ failures: 0, retryDue: undefined, status: 'installed' });
      await people.saveInstall(refused);
      expect(await install()).to.include({ failures: 1 });
    });
  });
});
