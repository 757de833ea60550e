import { Config, ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { OpenDatabase, openDatabase } from '../store/openDatabase';

/** Runs a command's entry point with its arguments: the number it returns is the exit code, and a configuration problem prints its message rather than a stack. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exitCode = 1;
    });
}

/** Opens the database the environment configures (DATABASE_URL or DATA_DIR), hands it to `use`, and always closes it, so each command does not repeat the wiring. */
export async function withConfiguredDatabase<T>(use: (database: OpenDatabase, config: Config) => Promise<T>, logLevel?: Config['logLevel']): Promise<T> {
  const config = loadConfig(process.env);
  const logger = createLogger(logLevel ?? config.logLevel);
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, connectTimeoutMs: config.databaseConnectTimeoutMs, logger });
  try {
    return await use(database, config);
  } finally {
    await database.db.destroy();
  }
}
