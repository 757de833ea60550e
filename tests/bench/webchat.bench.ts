import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { projectRoot } from '../../knowledge/projectRoot';
import { DirectLineClient, ReceivedActivity, StartedConversation } from '../helpers/directLineClient';
import { loadEvaluationQuestions } from '../knowledge/evaluation/evaluate';
import { msSince, percentile, report, round, rssMb, startBotProcess, stopProcess } from './benchUtil';
import { BENCH_ENV, replicaBench } from './webchatReplicas';
import { BenchDirectLineClient } from './webchatHttpClient';

/** Conversations running at once. */
const CONVERSATIONS = 50;
/** Questions each conversation asks (under the flood limit of 20 in 10 seconds). */
const QUESTIONS = 15;

/** A conversation started the way the page starts one. */
async function startConversation(client: DirectLineClient): Promise<StartedConversation> {
  const started = process.hrtime.bigint();
  const given = await client.pageToken();
  const conversation = await client.start(given.body.token);
  if (conversation.status !== 201) throw new Error(`start failed: ${conversation.status}`);
  startTimes.push(msSince(started));
  return conversation.body;
}
const startTimes: number[] = [];
/** GETs made while polling for answers (one per question when the answer is there as the POST returns). */
let polls = 0;
/** How long each question's POST took (the turn runs inside it), beside the whole round trip. */
const postTimes: number[] = [];

/**
 * Polling, as Web Chat does without WebSockets: from POST of the question to a GET since the
 * watermark that holds the bot's answer to it.
 */
async function pollingRoundTrips(client: DirectLineClient, questions: string[]): Promise<number[]> {
  const conversation = await startConversation(client);
  let watermark = '1';
  const out: number[] = [];
  for (const text of questions) {
    const started = process.hrtime.bigint();
    const posted = await client.post(conversation.conversationId, conversation.token, { type: 'message', text });
    if (posted.status !== 200) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
    postTimes.push(msSince(started));
    for (;;) {
      polls++;
      const got = await client.activities(conversation.conversationId, conversation.token, watermark);
      watermark = got.body.watermark;
      if (got.body.activities.some((a) => a.replyToId === posted.body.id)) break;
    }
    out.push(msSince(started));
  }
  return out;
}

/** WebSocket stream, as the page uses it: from POST of the question to the answer arriving on the stream. */
async function streamRoundTrips(client: DirectLineClient, questions: string[]): Promise<number[]> {
  const conversation = await startConversation(client);
  const ws = new WebSocket(conversation.streamUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const echoIds = new Map<string, string>();
  const waiting = new Map<string, () => void>();
  ws.on('message', (data) => {
    const text = data.toString();
    if (!text) return;
    for (const a of (JSON.parse(text) as { activities: ReceivedActivity[] }).activities) {
      const clientId = (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID;
      if (clientId) echoIds.set(a.id, clientId);
      const answered = a.replyToId ? echoIds.get(a.replyToId) : undefined;
      if (answered) waiting.get(answered)?.();
    }
  });
  const out: number[] = [];
  for (const [i, text] of questions.entries()) {
    const clientActivityID = `${conversation.conversationId}-${i}`;
    const started = process.hrtime.bigint();
    const arrived = new Promise<void>((resolve) => waiting.set(clientActivityID, resolve));
    const posted = await client.post(conversation.conversationId, conversation.token, { type: 'message', text, channelData: { clientActivityID } });
    if (posted.status !== 200) throw new Error(`post failed: ${posted.status}`);
    await arrived;
    out.push(msSince(started));
  }
  ws.close();
  return out;
}

async function main(): Promise<void> {
  const questions = loadEvaluationQuestions()
    .filter((q) => q.expect)
    .map((q) => q.q);
  const pick = (conversation: number) => Array.from({ length: QUESTIONS }, (_, i) => questions[(conversation * QUESTIONS + i) % questions.length]);

  // The bot runs as its own process with its own database, as npm start runs it; transpiled on
  // load (the same JavaScript as the build, compiled once at start-up) so no build step is needed.
  const root = projectRoot();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-bench-'));
  // `--profile DIR` writes the bot's V8 CPU profile there when it stops, to see where a turn's time goes.
  const profileIndex = process.argv.indexOf('--profile');
  const profile = profileIndex >= 0 ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.argv[profileIndex + 1] ?? '.')] : [];
  const { child, url } = await startBotProcess(
    [...profile, '--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.join(root, 'bot', 'app', 'index.ts')],
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      ...BENCH_ENV,
    },
  );
  // WEBCHAT_BENCH_BOT_LOG=file keeps the bot's log (one line per turn with its duration).
  if (process.env.WEBCHAT_BENCH_BOT_LOG) child.stdout!.pipe(fs.createWriteStream(process.env.WEBCHAT_BENCH_BOT_LOG));
  try {
    const client = new BenchDirectLineClient(url);
    await pollingRoundTrips(client, pick(0).slice(0, 5));
    // One conversation on its own first: the round trip without queueing behind 49 others.
    const alone = await pollingRoundTrips(client, pick(1));
    startTimes.length = 0;
    polls = 0;
    postTimes.length = 0;

    // How late this process's own event loop runs: a busy client adds its lag to every round trip it times.
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const started = process.hrtime.bigint();
    const pollingRuns = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => pollingRoundTrips(client, pick(c))));
    const polling = pollingRuns.flat();
    // WEBCHAT_BENCH_SAMPLES=file keeps every conversation's round trips, to see where the slow ones fall.
    if (process.env.WEBCHAT_BENCH_SAMPLES) fs.writeFileSync(process.env.WEBCHAT_BENCH_SAMPLES, JSON.stringify(pollingRuns));
    const pollingSeconds = msSince(started) / 1000;
    clientLag.disable();
    const stream = (await Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => streamRoundTrips(client, pick(c + CONVERSATIONS))))).flat();

    console.log(`questions asked: ${polling.length} polling, ${stream.length} streamed`);
    report({
      benchmark: 'webchat',
      conversations: CONVERSATIONS,
      questionsPerConversation: QUESTIONS,
      samples: polling.length,
      p50Ms: round(percentile(polling, 50)),
      p99Ms: round(percentile(polling, 99)),
      // The first question of each conversation meets the other conversations' starts; the later ones show the steady state.
      firstQuestionP99Ms: round(
        percentile(
          pollingRuns.map((r) => r[0]),
          99,
        ),
      ),
      laterQuestionsP99Ms: round(
        percentile(
          pollingRuns.flatMap((r) => r.slice(1)),
          99,
        ),
      ),
      aloneP50Ms: round(percentile(alone, 50)),
      streamP50Ms: round(percentile(stream, 50)),
      streamP99Ms: round(percentile(stream, 99)),
      conversationStartP50Ms: round(percentile(startTimes, 50)),
      conversationStartP99Ms: round(percentile(startTimes, 99)),
      pollsPerQuestion: round(polls / polling.length, 2),
      postP50Ms: round(percentile(postTimes, 50)),
      postP99Ms: round(percentile(postTimes, 99)),
      clientLagP99Ms: round(clientLag.percentile(99) / 1e6),
      questionsPerSecond: round(polling.length / pollingSeconds, 1),
      botRssMb: round(rssMb(child.pid!), 1),
    });
    client.close();
  } finally {
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--replicas N` (N ≥ 2) runs the replica benchmark instead of the single-process one. */
function replicasArgument(argv: string[]): number {
  const index = argv.indexOf('--replicas');
  const value = index >= 0 ? Number(argv[index + 1]) : 1;
  if (!Number.isInteger(value) || value < 1) throw new Error('--replicas takes a whole number, such as --replicas 2');
  return value;
}

const replicas = replicasArgument(process.argv.slice(2));
(replicas > 1 ? replicaBench(replicas) : main()).catch((err: unknown) => {
  console.error(err);
  // Clients of a phase cut short would keep the process alive.
  process.exit(1);
});
