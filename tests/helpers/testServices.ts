import { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import pino from 'pino';
import { InMemoryFeedbackLog } from '../../bot/platform/store/feedbackLog';
import { QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { Config, loadConfig } from '../../bot/platform/config';
import { RoleService } from '../../bot/features/roles/roleService';
import { roleSettingsOf } from '../../bot/features/roles/roleSettings';
import { TurnAccess } from '../../dialogs/core/turnAccess';
import { createStore } from '../../bot/platform/store/createStore';
import { openDatabase } from '../../bot/platform/store/openDatabase';
import { IN_MEMORY } from '../../bot/platform/store/sqliteDatabase';
import { buildKnowledgeBase, KnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { DialogMetrics, DialogServices } from '../../dialogs/core/dialogServices';
import { migrationFolders } from '../../bot/app/migrationFolders';

let shipped: KnowledgeBase | undefined;

/** The real knowledge base, built once per test run. */
export function shippedKnowledgeBase(): KnowledgeBase {
  shipped ??= buildKnowledgeBase();
  return shipped;
}

/** A fixed moment in Europe/London, so no test reads the real clock. */
export const FIXED_NOW = DateTime.fromISO('2026-11-23T10:00:00', { zone: 'Europe/London' });
export const fixedClock = (): DateTime => FIXED_NOW;

/** The pulse secret tests run with, so services sharing one database key its ledgers alike. */
export const TEST_PULSE_LEDGER_SECRET = 'test-pulse-ledger-secret-of-32-characters-or-more';

/** Configuration as the bot would read it from this environment (defaults otherwise; an in-memory database). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: IN_MEMORY, PULSE_LEDGER_SECRET: TEST_PULSE_LEDGER_SECRET, ...env }, '0.0.0-test');
}

/** A logger that writes nothing. */
export const silentLogger = pino({ level: 'silent' });

/** Counts decisions instead of exporting them. */
export class CountingMetrics implements DialogMetrics {
  readonly counts = new Map<string, number>();
  answered(decision: string): void {
    this.counts.set(decision, (this.counts.get(decision) ?? 0) + 1);
  }
}

/** Everything the dialogs need, over the shipped knowledge base and an in-memory database, with answer feedback kept in memory. */
export async function testDialogServices(env: Record<string, string> = {}) {
  const config = testConfig(env);
  const database = await openDatabase({ dataDir: config.dataDir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
  const store = createStore(database.db, fixedClock);
  const feedbackLog = new InMemoryFeedbackLog();
  const answerer = new QuestionAnswerer(new KnowledgeSearch(shippedKnowledgeBase(), { authority: config.authority }), feedbackLog, fixedClock);
  const metrics = new CountingMetrics();
  const services: DialogServices = {
    answerer,
    settings: config,
    metrics,
    now: fixedClock,
    profiles: store.profiles,
    userData: store.userData,
    gaps: store.feedback,
    access: new TurnAccess(new RoleService(roleSettingsOf(config)), undefined, roleSettingsOf(config).requireTenant === false),
    forgetTurnState: () => undefined,
  };
  return { services, feedbackLog, metrics, config, store, database };
}

/** What a reply says: its text, or the plain-text fallback of its card. */
export function replyText(activity: Partial<Activity> | undefined): string {
  if (!activity) return '';
  const card = activity.attachments?.[0]?.content as { fallbackText?: string; text?: string } | undefined;
  return [activity.text ?? '', card?.fallbackText ?? card?.text ?? ''].filter(Boolean).join('\n');
}

/** The Adaptive Card a reply carries, if any. */
export function replyCard(activity: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = activity?.attachments?.[0];
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive' ? (attachment.content as Record<string, unknown>) : undefined;
}

/** Every action in a card, wherever it sits (ActionSets in the body and the card's own actions). */
export function cardActions(card: Record<string, unknown> | undefined): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
