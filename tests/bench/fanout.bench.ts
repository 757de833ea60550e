import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { Outbox } from '../../bot/platform/delivery/outbox';
import { AttributeMapping } from '../../bot/features/directory/attributeMapping';
import { DirectoryStore } from '../../bot/features/directory/directoryStore';
import { openDatabase, OpenDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { TeamRosters } from '../../bot/platform/store/teamRosters';
import { stamp } from '../../bot/platform/store/timestamps';
import { projectRoot } from '../../knowledge/projectRoot';
import { installedChatId } from '../helpers/directoryBot';
import { FakeGraph } from '../helpers/fakeGraph';
import { report, round } from './benchUtil';
import { compiledWorker } from './compiledWorker';
import { RateLimitedConnector } from './rateLimitedConnector';
import { migrationFolders } from '../../bot/app/migrationFolders';

const USAGE = 'npm run bench:fanout -- --recipients 25000 --ceiling 500 [--roster | --directory] [--kill-at 0.5] [--postgres] [--profile DIR]';
const WORKER = path.join(__dirname, '..', 'bot', 'platform', 'delivery', 'fixtures', 'deliveryWorker.ts');
const MESSAGE_ID = 'fanout';

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number\n${USAGE}`);
  return value;
}

/** Creates the simulated audience known only from one team's roster (nobody has a chat yet), and the queued briefing. */
async function seedRoster(opened: OpenDatabase, recipients: number, serviceUrl: string): Promise<void> {
  const rosters = new TeamRosters(opened.db, () => DateTime.now());
  await rosters.saveTeam({
    teamId: '19:bench-team@thread.tacv2',
    tenantId: 'bench-tenant',
    serviceUrl,
    botId: '28:bench-bot',
    generalChannelId: '19:bench-team@thread.tacv2',
  });
  const members = Array.from({ length: recipients }, (_, i) => ({ userId: `29:staff-${i}`, aadObjectId: `aad-${i}` }));
  await rosters.addMembers('19:bench-team@thread.tacv2', members);
  const outbox = new Outbox(opened.db, () => DateTime.now(), opened.engine);
  await outbox.insert(members.map((m) => ({ messageId: MESSAGE_ID, userId: m.userId, kind: 'note', urgent: true, notBefore: DateTime.now() })));
}

/** The directory object id of simulated recipient i. */
const objectIdOf = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * Creates the simulated audience known only from the directory (nobody has chatted, nobody is on a
 * roster, nobody has the app): each is a Graph user in the stand-in and a directory person, and the
 * briefing is queued by directory id, so every send first installs the app.
 */
async function seedDirectory(opened: OpenDatabase, recipients: number, graph: FakeGraph): Promise<void> {
  const people = Array.from({ length: recipients }, (_, i) => ({ source: 'graph' as const, aadObjectId: objectIdOf(i), attributes: {}, enabled: true }));
  for (const p of people) graph.users.push({ id: p.aadObjectId, displayName: `Staff ${p.aadObjectId.slice(-5)}`, accountEnabled: true });
  const mapping = AttributeMapping.load(path.join(projectRoot(), 'knowledge/directory/attribute-mapping.yaml'));
  await new DirectoryStore(opened.db, () => DateTime.now()).upsertPeople(people, mapping);
  const outbox = new Outbox(opened.db, () => DateTime.now(), opened.engine);
  await outbox.insert(people.map((p) => ({ messageId: MESSAGE_ID, userId: `aad:${p.aadObjectId}`, kind: 'note', urgent: true, notBefore: DateTime.now() })));
}

/** Creates the simulated audience: every recipient with a personal chat at the fake connector, and the queued briefing. */
async function seed(opened: OpenDatabase, recipients: number, serviceUrl: string): Promise<void> {
  const at = stamp(DateTime.now());
  const rows = Array.from({ length: recipients }, (_, i) => ({
    user_id: `29:staff-${i}`,
    conversation_id: `a:staff-${i}`,
    aad_object_id: null,
    tenant_id: 'bench-tenant',
    channel_id: 'msteams',
    scope: 'personal',
    service_url: serviceUrl,
    reference: '{}',
    active: 1,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await opened.db
      .insertInto('conversation_refs')
      .values(rows.slice(i, i + 500))
      .execute();
  const outbox = new Outbox(opened.db, () => DateTime.now(), opened.engine);
  await outbox.insert(rows.map((r) => ({ messageId: MESSAGE_ID, userId: r.user_id, kind: 'note', urgent: true, notBefore: DateTime.now() })));
}

/**
 * Starts a delivery worker from compiled JavaScript, as a production replica (re)starts; with a
 * profile directory it writes a V8 CPU profile there when it exits.
 */
function startWorker(worker: string, env: Record<string, string>, profileDir?: string): ChildProcess {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  // The node flags `npm start` runs the bot with.
  return spawn(process.execPath, ['--enable-source-maps', '--max-semi-space-size=4', ...profile, worker], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(argv: string[]): Promise<void> {
  const recipients = option(argv, '--recipients', 25000);
  const ceiling = option(argv, '--ceiling', 500);
  const killAtIndex = argv.indexOf('--kill-at');
  const killAt = killAtIndex >= 0 ? option(argv, '--kill-at', 0.5) : undefined;
  const usePostgres = argv.includes('--postgres');
  const fromRoster = argv.includes('--roster');
  const fromDirectory = argv.includes('--directory');
  if (fromRoster && fromDirectory) throw new Error(`--roster and --directory are two different audiences: choose one\n${USAGE}`);
  const profileIndex = argv.indexOf('--profile');
  const profileDir = profileIndex >= 0 ? path.resolve(argv[profileIndex + 1] ?? '.') : undefined;
  const logger = pino({ level: 'silent' });
  const worker = compiledWorker(WORKER);

  // People known only from a roster or the directory never had a chat with the bot, so none of them can have blocked it (B= sets a share anyway).
  const blockedShare = Number(process.env.B ?? (fromRoster || fromDirectory ? 0 : 0.005));
  const connector = new RateLimitedConnector({
    ceiling,
    perConversation: 7,
    throttleShare: Number(process.env.T ?? 0.01),
    unavailableShare: Number(process.env.U ?? 0.005),
    blockedShare,
    seed: 42,
  });
  const serviceUrl = await connector.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanout-'));
  const schema = `fanout_${crypto.randomBytes(4).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  if (usePostgres && !url) throw new Error('--postgres needs DATABASE_URL');
  const opened = await openDatabase({
    dataDir,
    databaseUrl: usePostgres ? url : undefined,
    databaseSchema: usePostgres ? schema : undefined,
    connectTimeoutMs: 5000,
    logger,
    migrations: migrationFolders,
  });
  // The Graph stand-in installs the app and hands back each new chat; it has no ceiling of its own, as its calls are paced under the connector's.
  const graph = new FakeGraph();
  const graphUrls = fromDirectory ? await graph.start() : undefined;
  if (fromDirectory) await seedDirectory(opened, recipients, graph);
  else await (fromRoster ? seedRoster : seed)(opened, recipients, serviceUrl);
  const outbox = new Outbox(opened.db, () => DateTime.now(), opened.engine);
  const known = fromRoster ? ' known only from a team roster' : fromDirectory ? ' known only from the directory' : '';
  console.log(`seeded ${recipients} recipients${known} on ${opened.engine}; sending at a ceiling of ${ceiling}/s`);

  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: usePostgres ? url! : '',
    DATABASE_SCHEMA: usePostgres ? schema : '',
    DELIVERY_RATE_PER_SECOND: String(ceiling),
    DELIVERY_CONVERSATION_RATE_PER_SECOND: '7',
    DELIVERY_CONCURRENCY: '64',
    DELIVERY_BATCH_SIZE: '100',
    DELIVERY_LEASE_SECONDS: '5',
    LOG_LEVEL: 'silent',
    // A PostgreSQL deployment must have these secrets (the worker's config refuses to start without them).
    ...(usePostgres
      ? { PULSE_LEDGER_SECRET: crypto.randomBytes(32).toString('base64'), DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex') }
      : {}),
    ...(graphUrls
      ? {
          GRAPH_TENANT_ID: graph.tenantId,
          GRAPH_CLIENT_ID: graph.clientId,
          GRAPH_CLIENT_SECRET: graph.clientSecret,
          GRAPH_BASE_URL: graphUrls.baseUrl,
          GRAPH_LOGIN_BASE_URL: graphUrls.loginBaseUrl,
          GRAPH_TEAMS_APP_ID: 'bench-catalog-app',
          TEAMS_SERVICE_URL: serviceUrl,
          DIRECTORY_SYNC_HOURS: '0',
        }
      : {}),
  };
  let running = startWorker(worker, env, profileDir);
  let killed = false;
  let killedAtMs: number | undefined;
  // A worker that stops by itself (a bad setting) ends the run, rather than leaving it waiting for ever.
  const exitedEarly = (code: number | null) => {
    console.error(`the delivery worker stopped by itself (exit ${code})`);
    process.exit(1);
  };
  running.once('exit', exitedEarly);
  // Watched through the connector and one cheap indexed count, so this process (which also plays the
  // connector) never stalls long enough to bunch up its requests.
  const pendingCount = async () =>
    Number(
      (
        await opened.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('pending_op', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  for (;;) {
    await sleep(500);
    const finished = [...connector.accepted.values()].length + connector.blockedSeen;
    if (killAt !== undefined && !killed && finished >= recipients * killAt) {
      running.off('exit', exitedEarly);
      running.kill('SIGKILL');
      killedAtMs = Date.now();
      await new Promise((r) => running.once('exit', r));
      killed = true;
      console.log(`killed the worker at ${finished} finished; restarting`);
      running = startWorker(worker, env, profileDir);
      running.once('exit', exitedEarly);
    }
    if ((await pendingCount()) === 0) break;
  }
  running.off('exit', exitedEarly);
  running.kill('SIGTERM');
  await new Promise((r) => running.once('exit', r));

  const counts = await outbox.counts(MESSAGE_ID);
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < recipients; i++) {
    const conversation = fromDirectory ? installedChatId(objectIdOf(i)) : `a:staff-${i}`;
    const times = connector.accepted.get(conversation) ?? 0;
    if (times > 1) duplicates += times - 1;
    if (times === 0 && !connector.isBlocked(conversation)) lost++;
  }
  // From the first request (to the connector, or to Graph to install the app) to the one that finished the last recipient (sent, or refused as blocked).
  const graphCalls = graph.graphCalls();
  const firstRequestAt = Math.min(connector.firstRequestAt, ...(graphCalls.length ? [graphCalls[0].at] : []));
  const seconds = (connector.lastFinishedAt - firstRequestAt) / 1000;
  // Opening a chat, installing the app (three Graph calls) and reading the new chat's member are requests under the same ceiling as a send, so they count towards the rate.
  const createdConversations = [...connector.created.values()].reduce((a, b) => a + b, 0);
  const installs = graphCalls.filter((c) => c.method === 'POST' && c.path.endsWith('/teamwork/installedApps')).length;
  const rate = (counts.sent + counts.unreachable + createdConversations + graphCalls.length + connector.membersRead) / seconds;
  const reached = [...connector.accepted.keys()].length;
  // How long the connector heard nothing after the kill: the restart's cost inside the send window.
  const restartGapMs = killedAtMs === undefined ? null : (connector.requestTimes.find((t) => t > killedAtMs!) ?? killedAtMs) - killedAtMs;
  console.log('requests per second:', Array.from(connector.perSecond, (n) => n ?? 0).join(' '));
  console.log('connector statuses:', JSON.stringify(Object.fromEntries(connector.statuses)), 'outbox:', JSON.stringify(counts));
  await connector.stop();
  await graph.stop();
  await opened.db.destroy();
  if (usePostgres) await dropPostgresSchema(url!, schema);
  fs.rmSync(dataDir, { recursive: true, force: true });
  report({
    benchmark: 'fanout',
    engine: opened.engine,
    recipients,
    roster: fromRoster,
    directory: fromDirectory,
    reached,
    blocked: connector.blockedSeen,
    created_conversations: createdConversations,
    installs,
    graph_calls: graphCalls.length,
    members_read: connector.membersRead,
    sent: counts.sent,
    unreachable: counts.unreachable,
    failed: counts.failed,
    lost,
    duplicates,
    seconds: round(seconds, 2),
    rate: round(rate, 1),
    ceiling,
    ratio: round(rate / ceiling, 3),
    killedAt: killAt ?? null,
    restart_gap_ms: restartGapMs,
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
