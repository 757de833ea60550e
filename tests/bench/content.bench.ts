import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcess } from 'node:child_process';
import pino from 'pino';
import { entriesHash } from '../../bot/content/liveKnowledge';
import { OffThreadIndexer } from '../../bot/content/indexBuild';
import { openDatabase } from '../../bot/store/openDatabase';
import { dropPostgresSchema } from '../../bot/store/postgresDatabase';
import { loadContent } from '../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../knowledge/entry';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { projectRoot } from '../../knowledge/projectRoot';
import { msSince, percentile, report, round, startBotProcess, stopProcess } from './benchUtil';

const BOT = ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.join(projectRoot(), 'bot', 'index.ts')];
const TOKEN = crypto.randomBytes(24).toString('hex');
/** Publishes timed on the two replicas. */
const PUBLISHES = 10;
/** How often each replica checks for published content (the default setting). */
const POLL_MS = 1000;
const REBUILD_ENTRIES = 2000;
const REBUILD_RUNS = 3;

/** 2,000 entries made from the shipped ones with new ids and names, so the index is the size a large council's would be. */
function manyEntries(shipped: KnowledgeEntry[], count: number): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = shipped[i % shipped.length];
    const copy = Math.floor(i / shipped.length);
    out.push(copy === 0 ? base : { ...base, id: `${base.id}-copy-${copy}`, title: `${base.title} ${copy}`, aliases: base.aliases.map((a) => `${a} ${copy}`), acronyms: [], related: [] });
  }
  return out;
}

/**
 * Index rebuild as a replica does it after a publish, on 2,000 entries: the lunr index in a worker
 * thread, then the search's own tables on the main thread. `total` is the whole rebuild; `mainThread`
 * the part that holds up chat on that replica.
 */
async function rebuildTimes(): Promise<{ total: number[]; mainThread: number[] }> {
  const entries = manyEntries(loadContent().entries, REBUILD_ENTRIES);
  const total: number[] = [];
  const mainThread: number[] = [];
  const indexer = new OffThreadIndexer((err) => {
    throw err;
  });
  for (let run = 0; run < REBUILD_RUNS; run++) {
    const started = process.hrtime.bigint();
    const index = await indexer.build(entries);
    const onMain = process.hrtime.bigint();
    const search = new KnowledgeSearch({ entries, index, contentHash: entriesHash(entries) });
    mainThread.push(msSince(onMain));
    total.push(msSince(started));
    if (search.size !== REBUILD_ENTRIES) throw new Error(`built ${search.size} entries`);
  }
  await indexer.stop();
  return { total, mainThread };
}

const api = (url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${route}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

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
 * time for 2,000 entries.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-content-bench-'));
  const env: Record<string, string> = databaseUrl
    ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, PULSE_LEDGER_SECRET: crypto.randomBytes(24).toString('hex'), DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex') }
    : { DATA_DIR: dataDir, DATABASE_URL: '' };
  Object.assign(env, { ADMIN_API_TOKEN: TOKEN, CONTENT_POLL_MS: String(POLL_MS), DELIVERY_WORKER: 'off' });
  if (databaseUrl) {
    // Migrated once here, so the replicas start on a ready schema as they would in production.
    const prepared = await openDatabase({ dataDir: '', databaseUrl, databaseSchema: schema, connectTimeoutMs: 10000, logger: pino({ level: 'silent' }) });
    await prepared.db.destroy();
  }
  const children: ChildProcess[] = [];
  try {
    const a = await startBotProcess(BOT, env);
    children.push(a.child);
    const b = await startBotProcess(BOT, env);
    children.push(b.child);
    for (const [name, child] of [['A', a.child], ['B', b.child]] as const) {
      let tail = '';
      child.stdout!.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
      child.stderr!.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
      child.on('exit', (code) => console.error(`replica ${name} exited with ${code}:\n${tail}`));
    }
    const latencies: number[] = [];
    for (let i = 0; i < PUBLISHES; i++) {
      const name = `bench zebra term ${crypto.randomBytes(3).toString('hex').replace(/\d/g, '')} ${i}`;
      const id = `bench-entry-${i}`;
      const created = await apiRetrying(a.url, 'POST', '/api/content/entries', {
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
      }, { 'idempotency-key': `bench-${schema}-${i}` });
      if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
      const started = process.hrtime.bigint();
      const published = await apiRetrying(a.url, 'POST', `/api/content/entries/${id}/publish`, {});
      if (published.status !== 200 && published.body.error !== 'NoDraft') throw new Error(`publish failed: ${published.status}`);
      for (;;) {
        const answer = await apiRetrying(b.url, 'POST', '/api/content/ask', { q: `what is ${name}`, draft: false });
        if (answer.body.id === id) break;
        if (msSince(started) > 30000) throw new Error(`replica B did not answer ${id} within 30 s`);
        await new Promise((r) => setTimeout(r, 25));
      }
      latencies.push(msSince(started));
      // Spread the publishes over the poll, so the figures are not all one phase of it.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * POLL_MS)));
    }
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
      rebuildEntries: REBUILD_ENTRIES,
      rebuildP50Ms: round(percentile(rebuilds.total, 50)),
      rebuildMaxMs: round(Math.max(...rebuilds.total)),
      rebuildMainThreadP50Ms: round(percentile(rebuilds.mainThread, 50)),
      rebuildMainThreadMaxMs: round(Math.max(...rebuilds.mainThread)),
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
