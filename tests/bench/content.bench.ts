import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { DateTime } from 'luxon';
import pino from 'pino';
import { ContentEntries } from '../../bot/features/content/contentEntries';
import { entriesHash } from '../../bot/features/content/liveKnowledge';
import { OffThreadIndexer } from '../../bot/features/content/indexBuild';
import { openDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { loadContent } from '../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../knowledge/entry';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { projectRoot } from '../../knowledge/projectRoot';
import { msSince, percentile, report, round, startBotProcess, stopProcess } from './benchUtil';
import { migrationFolders } from '../../bot/app/migrationFolders';

const BOT = ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.join(projectRoot(), 'bot', 'app', 'index.ts')];
const TOKEN = crypto.randomBytes(24).toString('hex');
/** How often each replica checks for published content (the default setting). */
const POLL_MS = 1000;

/** A whole-number option `--name N` (or `--name=N`), else the default. */
function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const value = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, not ${value}`);
  return n;
}

/** Publishes timed on the two replicas. */
const PUBLISHES = option('publishes', 10);
/** Entries the replicas answer from (padded from the shipped ones); 0 means the shipped content only. */
const LIVE_ENTRIES = option('live-entries', 0);
/** Questions asked at once on each replica while publishing (`--load`, 4 unless a number is given); 0 means a quiet run. */
const LOAD = process.argv.includes('--load') && !/^\d+$/.test(process.argv[process.argv.indexOf('--load') + 1] ?? '') ? 4 : option('load', 0);
const REBUILD_ENTRIES = option('rebuild-entries', 2000);
const REBUILD_RUNS = option('rebuild-runs', 3);
/** A publish not live on replica B after this long ends the run (`--give-up-s`, longer on a busy shared machine). */
const GIVE_UP_MS = option('give-up-s', 30) * 1000;

/** Entries made from the shipped ones with new ids and names, so the index is the size a large council's would be. */
function manyEntries(shipped: KnowledgeEntry[], count: number): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = shipped[i % shipped.length];
    const copy = Math.floor(i / shipped.length);
    out.push(
      copy === 0
        ? base
        : {
            ...base,
            id: `${base.id}-copy-${copy}`,
            title: `${base.title} ${copy}`,
            aliases: base.aliases.map((a) => `${a} ${copy}`),
            acronyms: [],
            related: [],
          },
    );
  }
  return out;
}

/**
 * Index rebuild as a replica does it after a publish: the lunr index and the entries' profiles in
 * a worker thread, then on the main thread the reply's delivery, loading the index, and the search's
 * own tables. `total` is the whole rebuild; `mainThread` the part that holds up chat on that replica.
 */
async function rebuildTimes(): Promise<{ total: number[]; mainThread: number[]; mainThreadLoad: number[]; mainThreadSearch: number[] }> {
  const entries = manyEntries(loadContent().entries, REBUILD_ENTRIES);
  const times = { total: [] as number[], mainThread: [] as number[], mainThreadLoad: [] as number[], mainThreadSearch: [] as number[] };
  const indexer = new OffThreadIndexer((err) => {
    throw err;
  });
  for (let run = 0; run < REBUILD_RUNS; run++) {
    const started = process.hrtime.bigint();
    const built = await indexer.build(entries, entriesHash(entries));
    const onMain = process.hrtime.bigint();
    const search = new KnowledgeSearch(built.kb);
    const searchMs = msSince(onMain);
    times.total.push(msSince(started));
    times.mainThreadLoad.push(built.mainThreadMs);
    times.mainThreadSearch.push(searchMs);
    times.mainThread.push(built.mainThreadMs + searchMs);
    if (search.size !== REBUILD_ENTRIES) throw new Error(`built ${search.size} entries`);
  }
  await indexer.stop();
  return times;
}

/**
 * Chat-like load while the publishes run: `perReplica` askers on each replica, each asking the
 * next question as soon as the last is answered, through the same search chat answers from.
 */
function startChatLoad(
  urls: string[],
  perReplica: number,
  questions: string[],
): { stop: () => Promise<{ asked: number; failed: number; latencies: number[] }> } {
  let running = true;
  const latencies: number[] = [];
  let failed = 0;
  const askers = urls.flatMap((url) =>
    Array.from({ length: perReplica }, async (_, k) => {
      for (let i = k; running; i += perReplica) {
        const started = process.hrtime.bigint();
        const answered = await api(url, 'POST', '/api/content/ask', { q: questions[i % questions.length], draft: false }).catch(() => undefined);
        if (answered?.status === 200) latencies.push(msSince(started));
        else failed++;
      }
    }),
  );
  return {
    stop: async () => {
      running = false;
      await Promise.all(askers);
      return { asked: latencies.length, failed, latencies };
    },
  };
}

/** The phase stamps a replica logs with each index swap (ms since the epoch). */
interface SwapStamps {
  signalAtMs?: number;
  readAtMs: number;
  workerStartAtMs?: number;
  workerSentAtMs?: number;
  receivedAtMs?: number;
  liveAtMs: number;
}

/** For one replica, the median time from each publish request to each phase of the swap that made it live there. */
function phaseBreakdown(
  publishes: { publishAtMs: number; respondedAtMs: number; answeredAtMs: number }[],
  log: { replica: 'A' | 'B'; stamps: SwapStamps }[],
  replica: 'A' | 'B',
): Record<string, number> {
  const rows = publishes.flatMap((p) => {
    const swap = log.find((l) => l.replica === replica && l.stamps.liveAtMs >= p.publishAtMs)?.stamps;
    if (!swap) return [];
    const since = (at: number | undefined) => (at === undefined ? NaN : at - p.publishAtMs);
    return [
      {
        responded: since(p.respondedAtMs),
        signal: since(swap.signalAtMs),
        read: since(swap.readAtMs),
        workerStart: since(swap.workerStartAtMs),
        workerDone: since(swap.workerSentAtMs),
        received: since(swap.receivedAtMs),
        live: since(swap.liveAtMs),
        answeredOnB: since(p.answeredAtMs),
      },
    ];
  });
  const keys = rows.length ? (Object.keys(rows[0]) as (keyof (typeof rows)[number])[]) : [];
  return Object.fromEntries(
    keys.map((k) => [
      k,
      round(
        percentile(
          rows.map((r) => r[k]).filter((v) => !Number.isNaN(v)),
          50,
        ),
      ),
    ]),
  );
}

const api = (url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

/** Requests that failed because a replica was busy rebuilding (a kept-alive socket closed under them); counted and retried. */
let resets = 0;

/**
 * The same request again when the connection was reset: a replica blocked by a rebuild lets its
 * idle keep-alive sockets time out. Every request retried here is safe to repeat (creation has an
 * idempotency key; a repeated publish answers NoDraft, which `done` accepts).
 */
async function apiRetrying(url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api(url, method, route, body, headers);
    } catch (err) {
      if (attempt >= 5) throw err;
      resets++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * `npm run bench:content`: publish-to-live latency across two bot processes sharing one database
 * (PostgreSQL when DATABASE_URL is set, else one SQLite file): each publish goes to replica A and the
 * clock stops when replica B answers the new name from its live index. Then the index rebuild
 * time for 2,000 entries. Options: `--load [N]` asks N questions at once on each replica throughout
 * (4 by default); `--live-entries N` pads the live content to N entries; `--publishes N`,
 * `--rebuild-entries N` and `--rebuild-runs N` size the run (smaller while others share the machine);
 * `--give-up-s N` is how long one publish may take to go live before the run fails (30 s).
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-content-bench-'));
  const env: Record<string, string> = databaseUrl
    ? {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
        PULSE_LEDGER_SECRET: crypto.randomBytes(24).toString('hex'),
        DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex'),
      }
    : { DATA_DIR: dataDir, DATABASE_URL: '' };
  Object.assign(env, { ADMIN_API_TOKEN: TOKEN, CONTENT_POLL_MS: String(POLL_MS), DELIVERY_WORKER: 'off' });
  // Migrated once here, so the replicas start on a ready schema as they would in production, with the padded content live.
  const prepared = await openDatabase({
    dataDir: databaseUrl ? '' : dataDir,
    databaseUrl,
    databaseSchema: schema,
    connectTimeoutMs: 10000,
    logger: pino({ level: 'silent' }),
    migrations: migrationFolders,
  });
  const shipped = loadContent().entries;
  if (LIVE_ENTRIES > shipped.length)
    await new ContentEntries(prepared.db, () => DateTime.utc()).loadLive(manyEntries(shipped, LIVE_ENTRIES).slice(shipped.length), 'Benchmark');
  await prepared.db.destroy();
  const children: ChildProcess[] = [];
  try {
    const a = await startBotProcess(BOT, env);
    children.push(a.child);
    const b = await startBotProcess(BOT, env);
    children.push(b.child);
    // Each index swap the replicas log after start-up, with how long it held up their main thread.
    const swaps: { replica: 'A' | 'B'; buildMs: number; mainThreadMs: number }[] = [];
    // Every swap's phase stamps (ms since the epoch), by replica, to break each publish's time down.
    const phaseLog: { replica: 'A' | 'B'; stamps: SwapStamps }[] = [];
    for (const [name, child] of [
      ['A', a.child],
      ['B', b.child],
    ] as const) {
      let tail = '';
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.includes('new index live')) return;
        const logged = JSON.parse(line) as { buildMs: number; mainThreadMs: number } & SwapStamps;
        swaps.push({ replica: name, buildMs: logged.buildMs, mainThreadMs: logged.mainThreadMs });
        phaseLog.push({ replica: name, stamps: logged });
      });
      child.stdout!.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
      child.stderr!.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
      child.on('exit', (code) => console.error(`replica ${name} exited with ${code}:\n${tail}`));
    }
    swaps.length = 0;
    const questions = shipped.flatMap((e) => [`what is ${e.title}`, ...e.questions.slice(0, 2)]);
    const load = startChatLoad(LOAD > 0 ? [a.url, b.url] : [], LOAD, questions);
    const latencies: number[] = [];
    const publishTimes: { publishAtMs: number; respondedAtMs: number; answeredAtMs: number }[] = [];
    for (let i = 0; i < PUBLISHES; i++) {
      const name = `bench zebra term ${crypto.randomBytes(3).toString('hex').replace(/\d/g, '')} ${i}`;
      const id = `bench-entry-${i}`;
      const created = await apiRetrying(
        a.url,
        'POST',
        '/api/content/entries',
        {
          id,
          title: `Bench entry ${i}`,
          kind: 'glossary',
          aliases: [name],
          tags: ['benchmark'],
          summary: 'An entry created by the content benchmark.',
          source: 'Benchmark',
          authority: 'national',
          owner: 'Benchmark',
          review_by: '2030-01-01',
          status: 'current',
          body: 'Created by npm run bench:content.',
        },
        { 'idempotency-key': `bench-${schema}-${i}` },
      );
      if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
      const started = process.hrtime.bigint();
      const publishAtMs = Date.now();
      const published = await apiRetrying(a.url, 'POST', `/api/content/entries/${id}/publish`, {});
      const respondedAtMs = Date.now();
      if (published.status !== 200 && published.body.error !== 'NoDraft') throw new Error(`publish failed: ${published.status}`);
      for (;;) {
        const answer = await apiRetrying(b.url, 'POST', '/api/content/ask', { q: `what is ${name}`, draft: false });
        if (answer.body.id === id) break;
        if (msSince(started) > GIVE_UP_MS) throw new Error(`replica B did not answer ${id} within ${GIVE_UP_MS / 1000} s`);
        await new Promise((r) => setTimeout(r, 25));
      }
      latencies.push(msSince(started));
      publishTimes.push({ publishAtMs, respondedAtMs, answeredAtMs: Date.now() });
      // Spread the publishes over the poll, so the figures are not all one phase of it.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * POLL_MS)));
    }
    const chat = await load.stop();
    const liveEntries = (await apiRetrying(b.url, 'GET', '/api/content/entries')).body.entries.length as number;
    const rebuilds = await rebuildTimes();
    report({
      bench: 'content',
      database: databaseUrl ? 'postgres' : 'sqlite',
      replicas: 2,
      publishes: PUBLISHES,
      pollMs: POLL_MS,
      // PostgreSQL replicas are told of a publish at once (LISTEN/NOTIFY); SQLite ones at their next poll.
      signal: databaseUrl ? 'notify' : 'poll',
      connectionResetsWhileRebuilding: resets,
      publishToLiveP50Ms: round(percentile(latencies, 50)),
      publishToLiveMaxMs: round(Math.max(...latencies)),
      publishToLiveUnder5s: Math.max(...latencies) < 5000,
      liveEntries,
      chatLoadPerReplica: LOAD,
      chatAsked: chat.asked,
      chatFailed: chat.failed,
      chatAskP50Ms: round(percentile(chat.latencies, 50)),
      chatAskP99Ms: round(percentile(chat.latencies, 99)),
      chatAskMaxMs: round(Math.max(0, ...chat.latencies)),
      replicaSwaps: swaps.length,
      replicaSwapBuildMaxMs: round(Math.max(0, ...swaps.map((w) => w.buildMs))),
      // Each replica's first build after start beside the later ones: a cold worker shows here first.
      firstSwapBuildMs: Object.fromEntries((['A', 'B'] as const).map((r) => [r, round(swaps.find((w) => w.replica === r)?.buildMs ?? NaN)])),
      laterSwapBuildP50Ms: round(
        percentile(
          swaps.filter((w, i) => swaps.findIndex((v) => v.replica === w.replica) !== i).map((w) => w.buildMs),
          50,
        ),
      ),
      replicaSwapMainThreadP50Ms: round(
        percentile(
          swaps.map((w) => w.mainThreadMs),
          50,
        ),
      ),
      replicaSwapMainThreadMaxMs: round(Math.max(0, ...swaps.map((w) => w.mainThreadMs))),
      // Median ms from the publish request to each phase on each replica: the publish answered, the signal heard, the content read, the worker's build started and finished, its result received, the new index live, and B's answer seen.
      phasesA: phaseBreakdown(publishTimes, phaseLog, 'A'),
      phasesB: phaseBreakdown(publishTimes, phaseLog, 'B'),
      rebuildEntries: REBUILD_ENTRIES,
      rebuildP50Ms: round(percentile(rebuilds.total, 50)),
      rebuildMaxMs: round(Math.max(...rebuilds.total)),
      rebuildMainThreadP50Ms: round(percentile(rebuilds.mainThread, 50)),
      rebuildMainThreadMaxMs: round(Math.max(...rebuilds.mainThread)),
      // The main thread's share split: receiving and loading the worker's index and profiles, then the search's own tables.
      rebuildMainThreadLoadP50Ms: round(percentile(rebuilds.mainThreadLoad, 50)),
      rebuildMainThreadSearchP50Ms: round(percentile(rebuilds.mainThreadSearch, 50)),
    });
  } finally {
    for (const child of children) await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropPostgresSchema(databaseUrl, schema);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
