import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { DatabaseStorage } from '../../bot/platform/state/databaseStorage';
import { createStore } from '../../bot/platform/store/createStore';
import { openDatabase, OpenDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { msSince, percentile, report, round } from './benchUtil';
import { migrationFolders } from '../../bot/app/migrationFolders';

const TURNS = 2000;
const UPSERTS = 5000;
const logger = pino({ level: 'silent' });

/** A dialog state of a realistic size: a stack two deep, with form values. */
const dialogState = (turn: number) => ({
  dialogState: {
    dialogStack: [
      { id: 'rootDialog', state: { stepIndex: 0 } },
      { id: 'settingsDialog', state: { values: { sector: 'health', role: 'health-visitor', turn } } },
    ],
  },
});

/** One turn's state work as the bot does it: read conversation and user state, write both back. */
async function measureTurns(opened: OpenDatabase): Promise<{ p50: number; p99: number }> {
  const storage = new DatabaseStorage(createStore(opened.db, () => DateTime.now()).stateDocuments);
  const times: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const keys = [`conversation/msteams/c${i % 200}`, `user/msteams/u${i % 200}`];
    const started = process.hrtime.bigint();
    const items = await storage.read(keys);
    await storage.write({
      [keys[0]]: { ...dialogState(i), eTag: items[keys[0]]?.eTag ?? '' },
      [keys[1]]: { profileSeen: true, turn: i, eTag: items[keys[1]]?.eTag ?? '' },
    });
    times.push(msSince(started) * 1000);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function measureUpserts(opened: OpenDatabase): Promise<number> {
  const refs = createStore(opened.db, () => DateTime.now()).conversations;
  const started = process.hrtime.bigint();
  for (let i = 0; i < UPSERTS; i++) {
    await refs.upsert({
      userId: `29:user-${i % 2500}`,
      conversationId: `a:${i % 2500}`,
      channelId: 'msteams',
      scope: 'personal',
      serviceUrl: 'https://smba.example/',
      tenantId: 't',
      reference: { user: { id: i } },
    });
  }
  return UPSERTS / (msSince(started) / 1000);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-bench-'));
  const sqlite = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger, migrations: migrationFolders });
  const sqliteTurns = await measureTurns(sqlite);
  const sqliteUpserts = await measureUpserts(sqlite);
  await sqlite.db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  let postgres: { turns: { p50: number; p99: number }; upserts: number } | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
    const pg = await openDatabase({ dataDir: '', databaseUrl: url, databaseSchema: schema, connectTimeoutMs: 5000, logger, migrations: migrationFolders });
    postgres = { turns: await measureTurns(pg), upserts: await measureUpserts(pg) };
    await pg.db.destroy();
    await dropPostgresSchema(url, schema);
  } else {
    console.log('PostgreSQL skipped: DATABASE_URL is not set');
  }

  report({
    benchmark: 'store',
    turns: TURNS,
    sqliteStateTurnP50Us: round(sqliteTurns.p50, 0),
    sqliteStateTurnP99Us: round(sqliteTurns.p99, 0),
    sqliteReferenceUpsertsPerSecond: round(sqliteUpserts, 0),
    postgresStateTurnP50Us: postgres ? round(postgres.turns.p50, 0) : null,
    postgresStateTurnP99Us: postgres ? round(postgres.turns.p99, 0) : null,
    postgresReferenceUpsertsPerSecond: postgres ? round(postgres.upserts, 0) : null,
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
