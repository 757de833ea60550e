import { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'kysely';
import { startBotProcess, stopProcess } from '../../../bench/benchUtil';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const TOKEN = 'pulse-crash-admin-token';
const STAFF = 160;
const ACKS_BEFORE_KILL = 50;
const IN_FLIGHT = 8;
const BOT = ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '..', '..', '..', '..', 'bot', 'app', 'index.ts')];

const userOf = (i: number) => `29:crash-staff-${i}`;
const invoke = (i: number, surveyId: number) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: userOf(i), name: `Staff ${i}`, aadObjectId: `crash-aad-${i}` },
  conversation: { id: `a:crash-${i}`, conversationType: 'personal', tenantId: 't' },
  recipient: { id: '28:bot' },
  value: {
    action: {
      type: 'Action.Execute',
      verb: 'pulse.submit',
      data: { verb: 'pulse.submit', surveyId, 'q.completed-in-three-months': 'yes', 'q.induction-route': 'none', 'q.usefulness': String((i % 5) + 1) },
    },
  },
});

/** What the bot said to one submission: recorded, already answered, or no answer at all (killed mid-request). */
async function submit(url: string, i: number, surveyId: number): Promise<'recorded' | 'duplicate' | 'lost'> {
  try {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(invoke(i, surveyId)),
    });
    const body = JSON.stringify(await res.json());
    if (body.includes('your answers were recorded anonymously')) return 'recorded';
    if (body.includes('already answered')) return 'duplicate';
    throw new Error(`unexpected answer: ${body}`);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('unexpected')) throw err;
    return 'lost';
  }
}

forEachEngine((engine) => {
  describe(`pulse submissions killed with SIGKILL (${engine})`, function () {
    this.timeout(120000);
    let test: TestDatabase;
    let child: ChildProcess | undefined;

    before(async () => {
      test = await openTestDatabase(engine);
    });
    after(async () => {
      if (child) await stopProcess(child);
      await test.cleanup();
    });

    it('counts every acknowledged answer exactly once', async () => {
      const env = { ...test.env, ADMIN_API_TOKEN: TOKEN, DELIVERY_WORKER: 'off' };
      let bot = await startBotProcess(BOT, env);
      child = bot.child;
      const created = await fetch(`${bot.url}/api/surveys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'crash-wave' },
        body: JSON.stringify({ template: 'induction-feedback', audience: { everyone: true }, closes_at: new Date(Date.now() + 86400000).toISOString() }),
      });
      expect(created.status).to.equal(201);
      const { id } = (await created.json()) as { id: number };

      // Submissions run IN_FLIGHT at a time; the bot is killed as soon as enough have been acknowledged.
      const acknowledged = new Set<number>();
      let next = 0;
      let killed = false;
      const lane = async (url: string) => {
        while (!killed && next < STAFF) {
          const i = next++;
          const outcome = await submit(url, i, id);
          if (outcome === 'recorded') acknowledged.add(i);
          if (acknowledged.size >= ACKS_BEFORE_KILL && !killed) {
            killed = true;
            bot.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, () => lane(bot.url)));
      await new Promise((resolve) => (bot.child.exitCode !== null || bot.child.signalCode ? resolve(undefined) : bot.child.once('exit', resolve)));
      expect(bot.child.signalCode).to.equal('SIGKILL');
      expect(acknowledged.size).to.be.at.least(ACKS_BEFORE_KILL).and.below(STAFF);

      // Restarted on the same database, every acknowledged answer is there once (released or waiting), one per ledger row, and nothing else beyond what was in flight.
      bot = await startBotProcess(BOT, env);
      child = bot.child;
      const count = async (table: 'survey_responses' | 'survey_pending' | 'survey_participation') =>
        Number(
          (
            await test.opened.db
              .selectFrom(table)
              .select(({ fn }) => fn.countAll<number | string>().as('n'))
              .where('survey_id', '=', id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      // One statement, so a release the restarted bot runs meanwhile (pending rows becoming responses) cannot fall between the counts.
      const snapshot = async () => {
        const { rows } = await sql<{ kept: number | string; ledger: number | string }>`select
          (select count(*) from survey_responses where survey_id = ${id}) + (select count(*) from survey_pending where survey_id = ${id}) as kept,
          (select count(*) from survey_participation where survey_id = ${id}) as ledger`.execute(test.opened.db);
        return { kept: Number(rows[0].kept), ledger: Number(rows[0].ledger) };
      };
      const kept = async () => (await snapshot()).kept;
      const { kept: afterRestart, ledger } = await snapshot();
      expect(afterRestart).to.equal(ledger);
      expect(afterRestart)
        .to.be.at.least(acknowledged.size)
        .and.at.most(acknowledged.size + IN_FLIGHT);

      // Everyone submits again: the acknowledged are refused as duplicates, the rest are recorded once.
      const again = await Promise.all(Array.from({ length: STAFF }, (_, i) => submit(bot.url, i, id)));
      for (const i of acknowledged) expect(again[i], `staff ${i}`).to.equal('duplicate');
      expect(again.filter((o) => o === 'lost')).to.deep.equal([]);
      expect(again.filter((o) => o === 'recorded')).to.have.length(STAFF - afterRestart);
      expect(await kept()).to.equal(STAFF);
      // Every waiting answer written before the kill could be opened and released after the restart.
      expect(await count('survey_pending')).to.be.below(5);
      const results = (await (await fetch(`${bot.url}/api/surveys/${id}/results`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
        responses: { count: number };
      };
      expect(results.responses.count).to.equal(await count('survey_responses'));
    });
  });
});
