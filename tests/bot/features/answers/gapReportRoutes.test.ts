import { expect } from 'chai';
import { RunningBot, startBot } from '../../../helpers/runningBot';

describe('admin API: the gap report', () => {
  describe('with no ADMIN_API_TOKEN', () => {
    let bot: RunningBot;
    before(async () => (bot = await startBot()));
    after(() => bot.stop());

    it('is off, not open', async () => {
      const res = await fetch(`${bot.url}/api/admin/gaps`, { headers: { authorization: 'Bearer anything' } });
      expect(res.status).to.equal(404);
      expect(((await res.json()) as { message: string }).message).to.match(/admin API is off/);
    });
  });

  describe('with a token', () => {
    let bot: RunningBot;
    before(async () => {
      bot = await startBot({ ADMIN_API_TOKEN: 'correct-horse-battery-staple' });
      await bot.services.store.feedback.recordUnanswered({ question: 'where is the canteen', decision: 'unknown', channel: 'msteams', at: bot.services.now() });
    });
    after(() => bot.stop());

    it('refuses a request without a token (401) and with a wrong one (403)', async () => {
      expect((await fetch(`${bot.url}/api/admin/gaps`)).status).to.equal(401);
      expect((await fetch(`${bot.url}/api/admin/gaps`, { headers: { authorization: 'Bearer wrong' } })).status).to.equal(403);
    });

    it('returns the gap report with the right token', async () => {
      const res = await fetch(`${bot.url}/api/admin/gaps?days=30`, { headers: { authorization: 'Bearer correct-horse-battery-staple' } });
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { unanswered: { question: string; times: number; lastAsked: string }[] };
      expect(body.unanswered.map(({ question, times }) => ({ question, times }))).to.deep.equal([{ question: 'where is the canteen', times: 1 }]);
      expect(body.unanswered[0].lastAsked).to.match(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('answers 400 to a bad period', async () => {
      const res = await fetch(`${bot.url}/api/admin/gaps?days=-3`, { headers: { authorization: 'Bearer correct-horse-battery-staple' } });
      expect(res.status).to.equal(400);
    });
  });
});
