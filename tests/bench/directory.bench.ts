import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { countAudience, resolveAudience } from '../../bot/features/audience/resolveAudience';
import { AttributeMapping } from '../../bot/features/directory/attributeMapping';
import { DirectoryStore } from '../../bot/features/directory/directoryStore';
import { DirectorySyncJob } from '../../bot/features/directory/directorySync';
import { GraphClient } from '../../bot/features/directory/graphClient';
import { createStore } from '../../bot/platform/store/createStore';
import { openDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { projectRoot } from '../../knowledge/projectRoot';
import { FakeGraph } from '../helpers/fakeGraph';
import { msSince, round } from './benchUtil';
import { migrationFolders } from '../../bot/app/migrationFolders';

/**
 * A council's directory read through the Graph stand-in: every enabled user over 999-user pages,
 * mapped with the shipped attribute mapping, then "everyone" and one Entra group resolved with
 * reachability. Prints a final JSON line. `--users N` (default 25000), `--postgres` (DATABASE_URL).
 */
const args = process.argv.slice(2);
const users = Number(args[args.indexOf('--users') + 1] ?? 0) || 25000;
const postgres = args.includes('--postgres');
const TITLES = [
  'Social Worker',
  'Family Support Worker',
  'Teaching Assistant',
  'Health Visitor',
  'Youth Worker',
  'Administrator',
  'Team Manager',
  'Early Years Practitioner',
];
const DEPARTMENTS = ["Children's Social Care", 'Schools', 'Public Health Nursing', 'Youth Service', 'Early Years', 'Finance'];
const OFFICES = ['County Hall', 'Loughborough', 'Coalville', 'Hinckley', 'Melton'];
const GROUP = '66666666-6666-4666-8666-666666666666';

async function main(): Promise<void> {
  const graph = new FakeGraph();
  graph.pageSize = 999;
  for (let i = 0; i < users; i++) {
    graph.users.push({
      id: crypto.randomUUID(),
      displayName: `Staff ${i}`,
      mail: `staff${i}@council.example`,
      jobTitle: TITLES[i % TITLES.length],
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      officeLocation: OFFICES[i % OFFICES.length],
      companyName: 'Leicestershire County Council',
      accountEnabled: i % 50 !== 0,
    });
  }
  graph.groups.set(
    GROUP,
    graph.users.filter((_, i) => i % 5 === 0).map((u) => u.id),
  );
  const urls = await graph.start();
  const logger = pino({ level: 'silent' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'directory-bench-'));
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const opened = await openDatabase(
    postgres
      ? { dataDir: '', databaseUrl: process.env.DATABASE_URL, databaseSchema: schema, connectTimeoutMs: 10000, logger, migrations: migrationFolders }
      : { dataDir, connectTimeoutMs: 10000, logger, migrations: migrationFolders },
  );
  try {
    const now = () => DateTime.now();
    const store = createStore(opened.db, now);
    const people = new DirectoryStore(opened.db, now);
    const mapping = AttributeMapping.load(path.join(projectRoot(), 'knowledge/directory/attribute-mapping.yaml'));
    const client = new GraphClient({ tenantId: graph.tenantId, clientId: graph.clientId, clientSecret: graph.clientSecret, ...urls });
    const job = new DirectorySyncJob({ store: people, mapping: () => mapping, graph: client, groups: [GROUP], reachable: async () => new Set(), now, logger });
    const started = process.hrtime.bigint();
    const id = await job.start('bench');
    await job.finished();
    const syncMs = msSince(started);
    const sync = (await people.sync(id))!;
    const enabled = await people.enabledPeople();
    const resolving = process.hrtime.bigint();
    const everyone = countAudience(
      await resolveAudience({ everyone: true }, { ...store, directory: { people, canInstall: true } }, { includeUnreachable: true }),
    );
    const resolveMs = msSince(resolving);
    const group = countAudience(
      await resolveAudience({ groups: [GROUP], roles: ['social-worker'] }, { ...store, directory: { people, canInstall: true } }, { includeUnreachable: true }),
    );
    const result = {
      bench: 'directory',
      engine: postgres ? 'postgres' : 'sqlite',
      users,
      enabled: enabled.length,
      sync_status: sync.status,
      graph_calls: graph.graphCalls().length,
      sync_s: round(syncMs / 1000),
      users_per_s: Math.round(sync.users / (syncMs / 1000)),
      mapped_role_share: round(enabled.filter((p) => p.targeting.role).length / enabled.length, 3),
      everyone_in_audience: everyone.inAudience,
      everyone_needs_install: everyone.needsInstall,
      everyone_resolve_ms: Math.round(resolveMs),
      group_social_workers: group.inAudience,
    };
    console.log(JSON.stringify(result));
  } finally {
    await opened.db.destroy();
    if (postgres) await dropPostgresSchema(process.env.DATABASE_URL!, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await graph.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
