import { expect } from 'chai';
import { openDatabase, OpenDatabase } from '../../../../bot/platform/store/openDatabase';
import { IN_MEMORY } from '../../../../bot/platform/store/sqliteDatabase';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { sendPersonal } from '../../../helpers/teamsTraffic';
import { silentLogger } from '../../../helpers/testServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

const COMMS = { id: '29:comms-leaver', aadObjectId: 'aad-comms-leaver' };

/**
 * Roles come from configuration, so removing one means a restart (or another replica) with the
 * new setting. The author's half-finished briefing lives in the shared database across it.
 */
describe('a comms user whose role is removed mid-dialog', function () {
  this.timeout(30000);
  const connector = new FakeConnector();
  let serviceUrl: string;
  let database: OpenDatabase;
  let bot: RunningBot | undefined;

  const send = async (activity: Record<string, unknown>) => {
    await sendPersonal({ botUrl: bot!.url, serviceUrl }, COMMS, activity);
  };
  const lastReply = () => JSON.stringify(connector.messages().at(-1) ?? {});
  const briefingCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('briefings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    serviceUrl = await connector.start();
    database = await openDatabase({ dataDir: IN_MEMORY, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    await database.db.destroy();
  });

  it('cannot confirm a briefing started while they had the role', async () => {
    bot = await startBot({ COMMS_USERS: COMMS.aadObjectId }, { database });
    await bot.services.store.profiles.save({ userId: '29:reader', sector: 'health', topics: [] });
    await send({ text: 'new briefing' });
    await send({ value: { verb: 'briefing.form', title: 'Started before', summary: 'Written while I was comms.', sectors: 'health' } });
    expect(lastReply()).to.match(/Preview: Started before/);
    await bot.stop();

    bot = await startBot({ COMMS_USERS: 'someone-else' }, { database });
    await send({ value: { verb: 'briefing.preview.confirm' } });
    expect(lastReply()).to.match(/no longer have the communications role/);
    expect(await briefingCount()).to.equal(0);
    await send({ value: { verb: 'briefing.preview.confirm' } });
    expect(await briefingCount()).to.equal(0);
  });
});
