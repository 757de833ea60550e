import { randomBytes } from 'node:crypto';
import { DemoPerson } from './demoStaff';

/** The lowest anonymity threshold the bot allows, so a newcomer sees released results after a few answers. */
export const DEMO_PULSE_THRESHOLD = 3;

/**
 * The environment the demo's bot runs with, built from scratch so nothing of this machine's real
 * settings (Bot Framework credentials, a production database, Redis, .env) is used: local mode, a
 * throwaway SQLite folder, the demo's comms officer, and delivery at any hour so nothing waits for Monday.
 */
export function demoEnvironment(options: { dataDir: string; people: DemoPerson[]; outer: NodeJS.ProcessEnv }): {
  env: Record<string, string>;
  dashboardToken: string;
} {
  const dashboardToken = `demo-${randomBytes(12).toString('hex')}`;
  const env: Record<string, string> = {
    PORT: options.outer.PORT ?? '3978',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.outer.LOG_LEVEL ?? 'warn',
    DATA_DIR: options.dataDir,
    AUTHORITY: 'leicestershire',
    ADMIN_API_TOKEN: dashboardToken,
    COMMS_USERS: options.people
      .filter((p) => p.comms)
      .map((p) => p.aadObjectId)
      .join(','),
    DELIVERY_WORKING_DAYS: '1-7',
    DELIVERY_WORKING_HOURS: '00:00-23:59',
    PULSE_MIN_GROUP_SIZE: String(DEMO_PULSE_THRESHOLD),
  };
  return { env, dashboardToken };
}
