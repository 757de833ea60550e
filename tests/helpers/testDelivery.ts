import { DateTime } from 'luxon';
import { ConnectorPacing } from '../../bot/platform/delivery/connectorPacing';
import { HttpConnectorSender } from '../../bot/platform/delivery/connectorSender';
import { DeliveryEngine, DeliveryEngineDependencies, DeliverySettings } from '../../bot/platform/delivery/deliveryEngine';
import { DEFAULT_WORKING_HOURS } from '../../bot/platform/delivery/deliveryWindow';
import { Outbox } from '../../bot/platform/delivery/outbox';
import { DatabaseSlotReserver } from '../../bot/platform/delivery/slotReserver';
import { createStore, Store } from '../../bot/platform/store/createStore';
import { OpenDatabase } from '../../bot/platform/store/openDatabase';
import { FakeConnector } from './fakeConnector';
import { openTestDatabase, TestDatabase } from './testDatabase';
import { silentLogger } from './testServices';

/** The clock `movableClock` makes. */
export type MovableClock = ReturnType<typeof movableClock>;

/** A clock the test moves by hand, in Europe/London. */
export function movableClock(start: string) {
  let now = DateTime.fromISO(start, { zone: 'Europe/London' });
  return {
    now: () => now,
    set: (iso: string) => (now = DateTime.fromISO(iso, { zone: 'Europe/London' })),
    advance: (duration: { seconds?: number; minutes?: number; hours?: number; days?: number }) => (now = now.plus(duration)),
  };
}

export const TEST_DELIVERY_SETTINGS: DeliverySettings = {
  ratePerSecond: 1000,
  conversationRatePerSecond: 1000,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60000,
  concurrency: 8,
  batchSize: 50,
  leaseMs: 30000,
  pollMs: 50,
  working: DEFAULT_WORKING_HOURS,
  zone: 'Europe/London',
};

/** A delivery engine over a test database, sending over HTTP (local mode) with a movable clock. */
export function testDeliveryEngine(
  opened: OpenDatabase,
  now: () => DateTime,
  settings: Partial<DeliverySettings> = {},
  extra: Partial<DeliveryEngineDependencies> = {},
): { engine: DeliveryEngine; store: Store } {
  const store = createStore(opened.db, now);
  const engine = new DeliveryEngine({
    outbox: new Outbox(opened.db, now, opened.engine),
    conversations: store.conversations,
    profiles: store.profiles,
    sender: new HttpConnectorSender(async () => undefined, 5000),
    rosters: store.rosters,
    now,
    logger: silentLogger,
    settings: { ...TEST_DELIVERY_SETTINGS, ...settings },
    engine: opened.engine,
    // Pacing follows the test's clock, so a Retry-After hold ends when the test moves time on.
    pacing: new ConnectorPacing(new DatabaseSlotReserver(opened.db), { ...TEST_DELIVERY_SETTINGS, ...settings }, () => now().toMillis()),
    random: () => 0.5,
    ...extra,
  });
  return { engine, store };
}

/** Gives a user an active personal chat whose messages go to the fake connector. */
export async function reachableUser(store: Store, userId: string, serviceUrl: string, tenantId = 'tenant-1', aadObjectId?: string): Promise<void> {
  await store.conversations.upsert({
    userId,
    conversationId: `a:${userId}`,
    channelId: 'msteams',
    scope: 'personal',
    serviceUrl,
    tenantId,
    aadObjectId,
    reference: {},
  });
}

/** What each delivery engine test starts from: its own database, clock and engine, and the suite's fake connector address. */
export interface DeliveryTestContext {
  test: TestDatabase;
  engine: DeliveryEngine;
  store: Store;
  clock: MovableClock;
  serviceUrl: string;
}

/**
 * Registers the hooks every delivery engine suite needs (one fake connector for the suite; per test a fresh
 * database, a clock at `start`, an engine and a cleared connector log), handing each test's set-up to `each`.
 */
export function useDeliveryEngine(
  dbEngine: Parameters<typeof openTestDatabase>[0],
  start: string,
  connector: FakeConnector,
  each: (made: DeliveryTestContext) => void | Promise<void>,
): void {
  let serviceUrl = '';
  let test: TestDatabase | undefined;
  before(async () => {
    serviceUrl = await connector.start();
  });
  after(() => connector.stop());
  beforeEach(async () => {
    test = await openTestDatabase(dbEngine);
    const clock = movableClock(start);
    const { engine, store } = testDeliveryEngine(test.opened, clock.now);
    connector.calls.length = 0;
    connector.respond = undefined;
    await each({ test, engine, store, clock, serviceUrl });
  });
  afterEach(() => test?.cleanup());
}
