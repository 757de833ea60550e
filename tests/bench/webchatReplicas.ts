import crypto from 'node:crypto';
import path from 'node:path';
import { ChildProcess } from 'node:child_process';
import { projectRoot } from '../../knowledge/projectRoot';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { DirectLineClient } from '../helpers/directLineClient';
import { OfficialClient } from '../helpers/directLineJs';
import { RoundRobinProxy } from '../helpers/roundRobinProxy';
import { openFreshSchema } from '../helpers/testDatabase';
import { loadEvaluationQuestions } from '../knowledge/evaluation/evaluate';
import { msSince, percentile, report, round, startBotProcess, stopProcess } from './benchUtil';

/** Every conversation comes from this machine, so the per-address start limit is lifted for the run. */
export const BENCH_ENV = { WEBCHAT_STARTS_PER_MINUTE: '100000' };

/** Conversations running at once. */
const CONVERSATIONS = 50;
/** How long each phase runs. */
const PHASE_MS = 60_000;
/** A pause between one answer and the next question, keeping each conversation under the flood limit (20 in 10 s). */
const THINK_MS = 500;
/** How long a question may wait for its answer before it counts as lost. */
const ANSWER_TIMEOUT_MS = 60_000;

const BOT = ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.join(projectRoot(), 'bot', 'app', 'index.ts')];

/** What one phase measured. */
interface PhaseResult {
  latencies: number[];
  asked: number;
  answered: number;
  /** Posts the client gave up on at first ("Send failed"), then sent again as Web Chat's Retry does. */
  failedPosts: number;
  /** Questions the endpoint accepted whose answer never came. */
  lostReplies: number;
  errors: string[];
}

/**
 * One conversation as the page runs it, with the official client over WebSocket: asks questions
 * one after another until the phase ends, timing each from post to answer on the stream.
 */
async function converse(proxyUrl: string, questions: string[], until: number, result: PhaseResult): Promise<OfficialClient | undefined> {
  const given = await new DirectLineClient(proxyUrl).pageToken();
  if (given.status !== 200) {
    result.errors.push(`token ${given.status}`);
    return undefined;
  }
  const client = new OfficialClient(`${proxyUrl}/v3/directline`, given.body.token, true);
  for (let i = 0; Date.now() < until; i++) {
    const started = process.hrtime.bigint();
    const text = questions[i % questions.length];
    const clientActivityID = crypto.randomUUID();
    result.asked++;
    let id: string | undefined;
    try {
      id = await client.post(text, clientActivityID);
    } catch (err) {
      result.failedPosts++;
      result.errors.push(`${Math.round(msSince(started))} ms: ${(err as Error).message.slice(0, 120)}`);
      // Web Chat's "Retry" sends the same activity again, with the same client id.
      id = await client.post(text, clientActivityID).catch(() => undefined);
    }
    if (id) {
      try {
        await client.replyTo(id, ANSWER_TIMEOUT_MS);
        result.answered++;
        result.latencies.push(msSince(started));
      } catch (err) {
        result.lostReplies++;
        result.errors.push((err as Error).message.slice(0, 200));
      }
    }
    await new Promise((r) => setTimeout(r, THINK_MS));
  }
  return client;
}

async function phase(proxyUrl: string, questions: string[], during?: () => Promise<void>): Promise<PhaseResult & { duplicates: number }> {
  const result: PhaseResult = { latencies: [], asked: 0, answered: 0, failedPosts: 0, lostReplies: 0, errors: [] };
  const until = Date.now() + PHASE_MS;
  const pick = (c: number) => Array.from({ length: 30 }, (_, i) => questions[(c * 30 + i) % questions.length]);
  const running = Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => converse(proxyUrl, pick(c), until, result)));
  await during?.();
  const clients = await running;
  const duplicates = clients.reduce((n, c) => n + (c?.duplicates().length ?? 0), 0);
  for (const c of clients) c?.end();
  return { ...result, duplicates };
}

/**
 * `npm run bench:webchat -- --replicas N`: N bot processes on one PostgreSQL behind a small
 * round-robin proxy, 50 conversations with the official client for a minute (p50/p99 from
 * question to answer, errors), then another minute during which one replica is restarted
 * (SIGTERM, as a deployment does): every question must still get its answer.
 */
export async function replicaBench(count: number): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--replicas needs DATABASE_URL (PostgreSQL): replicas share their state there');
  const questions = loadEvaluationQuestions()
    .filter((q) => q.expect)
    .map((q) => q.q);
  const { opened: prepared, schema } = await openFreshSchema(url, 'bench');
  await prepared.db.destroy();
  const env = {
    ...BENCH_ENV,
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex'),
    PULSE_LEDGER_SECRET: crypto.randomBytes(32).toString('base64'),
    DELIVERY_WORKER: 'off',
  };
  const processes: ChildProcess[] = [];
  const urls: string[] = [];
  let proxy: RoundRobinProxy | undefined;
  try {
    for (let i = 0; i < count; i++) {
      const started = await startBotProcess(BOT, env);
      processes.push(started.child);
      urls.push(started.url);
    }
    proxy = new RoundRobinProxy(urls);
    proxy.watch = /^POST \/v3\/directline\/conversations\/[^/]+\/activities$/;
    const proxyUrl = await proxy.start();
    await phase(proxyUrl, questions.slice(0, 20)).catch(() => undefined);

    proxy.statuses.clear();
    const steady = await phase(proxyUrl, questions);
    console.log(
      `steady: ${steady.answered}/${steady.asked} answered, ${steady.errors.length} errors; posts by status ${JSON.stringify([...proxy.statuses])}, ${proxy.abandoned} abandoned`,
    );
    proxy.statuses.clear();
    proxy.abandoned = 0;
    let restartMs = 0;
    const restarting = await phase(proxyUrl, questions, async () => {
      await new Promise((r) => setTimeout(r, PHASE_MS / 3));
      const started = process.hrtime.bigint();
      await stopProcess(processes[count - 1]);
      const again = await startBotProcess(BOT, env);
      processes[count - 1] = again.child;
      proxy!.replace(count - 1, again.url);
      restartMs = msSince(started);
    });
    console.log(
      `restart: ${restarting.answered}/${restarting.asked} answered, ${restarting.errors.length} errors ${restarting.errors.slice(0, 3).join('; ')}; posts by status ${JSON.stringify([...proxy.statuses])}, ${proxy.abandoned} abandoned`,
    );
    report({
      benchmark: 'webchat-replicas',
      replicas: count,
      conversations: CONVERSATIONS,
      phaseSeconds: PHASE_MS / 1000,
      questions: steady.asked,
      p50Ms: round(percentile(steady.latencies, 50)),
      p99Ms: round(percentile(steady.latencies, 99)),
      errors: steady.errors.length,
      restart: {
        questions: restarting.asked,
        answered: restarting.answered,
        lostReplies: restarting.lostReplies,
        failedPostsRetried: restarting.failedPosts,
        unanswered: restarting.asked - restarting.answered,
        duplicates: restarting.duplicates,
        p50Ms: round(percentile(restarting.latencies, 50)),
        p99Ms: round(percentile(restarting.latencies, 99)),
        replicaDownMs: round(restartMs),
      },
      proxyFailures: proxy.failures,
    });
  } finally {
    await proxy?.stop();
    await Promise.all(processes.map((p) => stopProcess(p)));
    await dropPostgresSchema(url, schema);
  }
}
