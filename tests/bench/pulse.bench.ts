import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import pino from 'pino';
import { loadTemplatesOrThrow } from '../../knowledge/surveys/templateLoader';
import { resolveAudience } from '../../bot/features/audience/resolveAudience';
import { createStore } from '../../bot/platform/store/createStore';
import { openDatabase, OpenDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { SurveyService } from '../../bot/features/surveys/surveyService';
import { PulseKeys } from '../../bot/features/surveys/pulseKeys';
import { TallyCount, tallyCountsOf } from '../../bot/features/surveys/waveTally';
import { msSince, percentile, report, round, startBotProcess, stopProcess } from './benchUtil';
import { migrationFolders } from '../../bot/app/migrationFolders';

const STAFF = 10_000;
const RESPONSES = 100_000;
const CONCURRENCY = 32;
const RESULT_RUNS = 7;
const TOKEN = 'pulse-bench-admin-token';
const SECTORS = ['health', 'education', 'social-family-community', 'youth', 'early-years-childcare', 'sport-culture', 'justice-crime-prevention'];
const LOCALITIES = ['Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Melton', 'North West Leicestershire', 'Oadby and Wigston'];
const logger = pino({ level: 'silent' });
const root = path.resolve(__dirname, '..', '..');

/** Answers to the wellbeing pulse for simulated person i, as the card sends them. */
const answers = (i: number) => ({
  'q.workload': String((i % 5) + 1),
  'q.manager-support': String(((i >> 1) % 5) + 1),
  'q.supervision': String(((i >> 2) % 5) + 1),
  'q.valued': String(((i >> 3) % 5) + 1),
  'q.wellbeing': String(((i >> 4) % 5) + 1),
  'q.recommend': String(i % 11),
  ...(i % 10 === 0 ? { 'q.comment': `Simulated comment ${i % 97}` } : {}),
});

/** Profiles for every simulated person, so responses carry sector and locality segments. */
async function seedProfiles(opened: OpenDatabase): Promise<void> {
  const at = new Date().toISOString();
  for (let start = 0; start < STAFF; start += 500) {
    const rows = Array.from({ length: Math.min(500, STAFF - start) }, (_, k) => {
      const i = start + k;
      return {
        user_id: `29:bench-${i}`,
        sector: SECTORS[i % SECTORS.length],
        locality: LOCALITIES[(i >> 3) % LOCALITIES.length],
        topics: '[]',
        created_at: at,
        updated_at: at,
      };
    });
    await opened.db.insertInto('profiles').values(rows).execute();
  }
}

/** 10,000 Action.Execute submissions through /api/messages of a separate bot process, CONCURRENCY at a time. */
async function measureSubmissions(url: string, surveyId: number): Promise<number> {
  let next = 0;
  let recorded = 0;
  const lane = async () => {
    while (next < STAFF) {
      const i = next++;
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke',
          name: 'adaptiveCard/action',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: `29:bench-${i}`, name: `Staff ${i}`, aadObjectId: `bench-aad-${i}` },
          conversation: { id: `a:bench-${i}`, conversationType: 'personal', tenantId: 't' },
          recipient: { id: '28:bot' },
          value: { action: { type: 'Action.Execute', verb: 'pulse.submit', data: { verb: 'pulse.submit', surveyId, ...answers(i) } } },
        }),
      });
      if ((await res.text()).includes('recorded anonymously')) recorded++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = msSince(started) / 1000;
  if (recorded !== STAFF) throw new Error(`only ${recorded} of ${STAFF} submissions were recorded`);
  return STAFF / seconds;
}

/**
 * Fills the wave up to 100,000 released responses directly, as 90,000 more people would have: their
 * rows and their tallies (summed here, then added in one go).
 */
async function topUpResponses(opened: OpenDatabase, surveyId: number): Promise<void> {
  const totals = new Map<string, TallyCount>();
  for (let start = STAFF; start < RESPONSES; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, RESPONSES - start) }, (_, k) => {
      const i = start + k;
      const a = answers(i);
      const response = {
        sector: SECTORS[i % SECTORS.length],
        locality: LOCALITIES[(i >> 3) % LOCALITIES.length],
        answers: {
          workload: Number(a['q.workload']),
          'manager-support': Number(a['q.manager-support']),
          supervision: Number(a['q.supervision']),
          valued: Number(a['q.valued']),
          wellbeing: Number(a['q.wellbeing']),
          recommend: Number(a['q.recommend']),
        },
      };
      for (const count of tallyCountsOf(response)) {
        const key = [count.dimension, count.segment, count.questionId, count.answer].join('\u0000');
        const total = totals.get(key);
        if (total) total.responses++;
        else totals.set(key, { ...count });
      }
      return { survey_id: surveyId, id: crypto.randomUUID(), answers: JSON.stringify(response.answers), comment: a['q.comment'] ?? null };
    });
    await opened.db.insertInto('survey_responses').values(rows).execute();
  }
  const counts = [...totals.values()].map((c) => ({
    survey_id: surveyId,
    dimension: c.dimension,
    segment: c.segment,
    label: c.label,
    question_id: c.questionId,
    answer: c.answer,
    responses: c.responses,
  }));
  for (let start = 0; start < counts.length; start += 500) {
    await opened.db
      .insertInto('survey_tallies')
      .values(counts.slice(start, start + 500))
      .onConflict((oc) =>
        oc
          .columns(['survey_id', 'dimension', 'segment', 'question_id', 'answer'])
          .doUpdateSet({ responses: sql`survey_tallies.responses + excluded.responses` }),
      )
      .execute();
  }
}

/** The median time to load and compute a wave's results: in process (the one results function) and through the API. */
async function measureResults(opened: OpenDatabase, url: string, surveyId: number): Promise<{ computeMs: number; apiMs: number }> {
  const store = createStore(opened.db, () => DateTime.now());
  const surveys = new SurveyService({
    db: opened.db,
    engine: opened.engine,
    now: () => DateTime.now(),
    // Reading results opens nothing sealed, so any key will do here.
    keys: new PulseKeys(crypto.randomBytes(32)),
    identity: {},
    templates: loadTemplatesOrThrow(),
    profiles: store.profiles,
    audience: (filter) => resolveAudience(filter, store),
    settings: { defaultThreshold: 5, reminderTime: '10:00' },
  });
  const waiting = await surveys.responses.waiting(surveyId);
  const compute: number[] = [];
  const api: number[] = [];
  for (let run = 0; run < RESULT_RUNS; run++) {
    let started = process.hrtime.bigint();
    const results = await surveys.results(surveyId);
    compute.push(msSince(started));
    // Answers still waiting for a batch are not in the figures until the next release.
    if (!results || results.responses.suppressed || results.responses.count !== RESPONSES - waiting)
      throw new Error('results did not cover every released response');
    started = process.hrtime.bigint();
    const res = await fetch(`${url}/api/surveys/${surveyId}/results`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await res.json();
    api.push(msSince(started));
  }
  return { computeMs: percentile(compute, 50), apiMs: percentile(api, 50) };
}

/** One full run on one database: seed, start the bot, submit, top up, time the results. */
async function run(opened: OpenDatabase, env: Record<string, string>) {
  await seedProfiles(opened);
  const bot = await startBotProcess(['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', path.join(root, 'bot', 'app', 'index.ts')], {
    ...env,
    ADMIN_API_TOKEN: TOKEN,
    DELIVERY_WORKER: 'off',
    LOG_LEVEL: 'info',
  });
  try {
    const created = await fetch(`${bot.url}/api/surveys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ template: 'wellbeing-pulse', audience: { everyone: true }, closes_at: DateTime.now().plus({ days: 7 }).toISO() }),
    });
    if (created.status !== 201) throw new Error(`could not start the wave: ${await created.text()}`);
    const { id } = (await created.json()) as { id: number };
    const perSecond = await measureSubmissions(bot.url, id);
    await topUpResponses(opened, id);
    // The synchronous SQLite writes above held the event loop; let the client notice the idle connections the bot closed meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { perSecond, ...(await measureResults(opened, bot.url, id)) };
  } finally {
    await stopProcess(bot.child);
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-'));
  const sqlite = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger, migrations: migrationFolders });
  const onSqlite = await run(sqlite, { DATA_DIR: dir, DATABASE_URL: '', DATABASE_SCHEMA: '' });
  await sqlite.db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  let onPostgres: Awaited<ReturnType<typeof run>> | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
    const pg = await openDatabase({ dataDir: '', databaseUrl: url, databaseSchema: schema, connectTimeoutMs: 5000, logger, migrations: migrationFolders });
    try {
      onPostgres = await run(pg, {
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        PULSE_LEDGER_SECRET: crypto.randomBytes(32).toString('base64'),
        DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex'),
      });
    } finally {
      await pg.db.destroy();
      await dropPostgresSchema(url, schema);
    }
  } else {
    console.log('PostgreSQL skipped: DATABASE_URL is not set');
  }

  report({
    benchmark: 'pulse',
    staff: STAFF,
    concurrency: CONCURRENCY,
    submissionsPerSecond: round(onSqlite.perSecond, 0),
    results100kMs: round(onSqlite.computeMs, 1),
    results100kApiMs: round(onSqlite.apiMs, 1),
    postgresSubmissionsPerSecond: onPostgres ? round(onPostgres.perSecond, 0) : null,
    postgresResults100kMs: onPostgres ? round(onPostgres.computeMs, 1) : null,
    postgresResults100kApiMs: onPostgres ? round(onPostgres.apiMs, 1) : null,
    targetResultsMs: 200,
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
