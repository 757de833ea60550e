import fs from 'node:fs';
import path from 'node:path';

/** The database file `npm start` creates in DATA_DIR. */
export const SQLITE_FILE_NAME = 'staffbot.db';

/** DATA_DIR value for a throwaway in-memory database (tests and tools). */
export const IN_MEMORY = ':memory:';

/**
 * Creates the data folder if needed and says why it cannot be used (not writable, or its database
 * file not readable and writable), or undefined when it can. It needs only node:fs, so start-up
 * runs it before loading the bot's modules and a wrong DATA_DIR fails at once.
 */
export function dataFolderProblem(dataDir: string): string | undefined {
  if (dataDir === IN_MEMORY) return undefined;
  const dir = path.resolve(dataDir);
  const file = path.join(dir, SQLITE_FILE_NAME);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    return undefined;
  } catch (err) {
    return `The data folder ${dir} cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Set DATA_DIR to a writable folder.`;
  }
}
