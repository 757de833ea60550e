import { expect } from 'chai';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { kinshipEntry } from '../../../helpers/contentEntries';
import { webChatReply } from '../../../helpers/testBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const TOKEN = 'content-admin-token-for-replica-tests';
const QUESTION = 'what is the kinship allowance';

forEachEngine((engine) => {
  describe(`publish to live on two app instances sharing one database (${engine})`, () => {
    let database: TestDatabase;
    let replicaA: RunningBot;
    let replicaB: RunningBot;

    before(async () => {
      database = await openTestDatabase(engine);
      const env = { ...database.env, ADMIN_API_TOKEN: TOKEN, CONTENT_POLL_MS: '200' };
      replicaA = await startBot(env, { database: database.opened });
      replicaB = await startBot(env, { database: database.opened });
    });
    after(async () => {
      await replicaA?.stop();
      await replicaB?.stop();
      await database.cleanup();
    });

    it('an entry created and published through replica A answers in chat on replica B, without a restart', async () => {
      expect(await webChatReply(replicaB.services, QUESTION)).to.not.contain('Kinship carer allowance');
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const created = await fetch(`${replicaA.url}/api/content/entries`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `replica-${engine}` },
        body: JSON.stringify(kinshipEntry()),
      });
      expect(created.status).to.equal(201);
      const published = await fetch(`${replicaA.url}/api/content/entries/kinship-carer-allowance/publish`, { method: 'POST', headers, body: '{}' });
      expect(published.status).to.equal(200);

      // Generous, for a shared and busy test machine: each replica rebuilds in its own worker thread.
      const deadline = Date.now() + 60000;
      const replies = { a: '', b: '' };
      while (Date.now() < deadline) {
        replies.b = await webChatReply(replicaB.services, QUESTION);
        replies.a = await webChatReply(replicaA.services, QUESTION);
        if (replies.a.includes('Kinship carer allowance') && replies.b.includes('Kinship carer allowance')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(replies.b, 'replica B').to.contain('Kinship carer allowance');
      expect(replies.a, 'replica A').to.contain('Kinship carer allowance');
    });
  });
});
