import fs from 'node:fs';
import path from 'node:path';
import { Config, ConfigError, loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { OpenDatabase, openDatabase } from '../../platform/store/openDatabase';
import { StoreStartupError } from '../../platform/store/storeStartupError';
import { migrationFolders } from '../migrationFolders';

/** Runs a command's entry point with its arguments: the number it returns is the exit code, and a configuration or database start-up problem prints its message rather than a stack. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((err: unknown) => {
      console.error(err instanceof ConfigError || err instanceof StoreStartupError ? err.message : err);
      process.exitCode = 1;
    });
}

/** Opens the database the environment configures (DATABASE_URL or DATA_DIR, read from `.env` too, as `npm start` does), hands it to `use`, and always closes it, so each command does not repeat the wiring. */
export async function withConfiguredDatabase<T>(use: (database: OpenDatabase, config: Config) => Promise<T>, logLevel?: Config['logLevel']): Promise<T> {
  const envFile = path.resolve('.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig(process.env);
  const logger = createLogger(logLevel ?? config.logLevel);
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    logger,
    migrations: migrationFolders,
  });
  try {
    return await use(database, config);
  } finally {
    await database.db.destroy();
  }
}
