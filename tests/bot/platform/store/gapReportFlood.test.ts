import { expect } from 'chai';
import { DirectLineClient } from '../../../helpers/directLineClient';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { sendPersonal } from '../../../helpers/teamsTraffic';
import { movableClock } from '../../../helpers/testDelivery';

const QUESTION = 'how do I bake sourdough bread at home';

describe('the gap report counts a question once per person per day', function () {
  this.timeout(60000);
  const connector = new FakeConnector();
  const clock = movableClock('2026-11-24T10:00:00');
  let serviceUrl: string;
  let bot: RunningBot;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({}, { now: clock.now });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  const teams = (userId: string, text: string) => sendPersonal({ botUrl: bot.url, serviceUrl }, { id: userId }, { text });
  const times = async () =>
    (await bot.services.store.feedback.gapReport(clock.now().minus({ days: 7 }))).unanswered.find((u) => /sourdough/.test(u.question))?.times ?? 0;

  it('does not let anonymous web chat visitors flood it, however many conversations they open', async () => {
    const client = new DirectLineClient(bot.url);
    for (let i = 0; i < 15; i++) {
      const page = await client.pageToken();
      const started = await client.start(page.body.token);
      await client.ask(started.body, QUESTION, '');
    }
    expect(await times()).to.equal(1);
  });

  it('counts one Teams user asking five times once, and a second person again', async () => {
    for (let i = 0; i < 5; i++) await teams('29:asker-1', QUESTION);
    expect(await times()).to.equal(2);
    await teams('29:asker-2', QUESTION);
    expect(await times()).to.equal(3);
  });

  it('counts the same person again the next day, keeping no marker from the day before', async () => {
    clock.set('2026-11-25T10:00:00');
    await teams('29:asker-1', QUESTION);
    expect(await times()).to.equal(4);
    const days = await bot.services.database.db.selectFrom('unanswered_askers').select('day').distinct().execute();
    expect(days.map((d) => d.day)).to.deep.equal(['2026-11-25']);
  });
});
