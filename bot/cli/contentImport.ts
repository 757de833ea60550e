import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentEntries } from '../content/contentEntries';
import { runCli, withConfiguredDatabase } from './cliRun';
import { DEFAULT_CONTENT_DIR, loadContent } from '../../knowledge/contentLoader';
import { validateEntries } from '../../knowledge/contentValidator';

const USAGE = `Usage: npm run content:import [-- --from DIR] [--by NAME]
Loads the Markdown entries in DIR (knowledge/content by default) into the database as live
versions (new or changed entries only), after the same checks as npm run kb:check; nothing is
loaded when any file has an error. Running replicas pick the change up within seconds.`;

/** `npm run content:import`: Markdown files into the database, all or nothing. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const opt = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const dir = path.resolve(opt('--from') ?? DEFAULT_CONTENT_DIR);
  const by = opt('--by') ?? `content:import (${process.env.USER ?? 'unknown'})`;
  const { entries, problems } = loadContent(dir);
  const errors = [...problems, ...validateEntries(entries)].filter((p) => p.level === 'error');
  if (errors.length) {
    errors.forEach((p) => console.log(`ERROR   ${p.file}: ${p.message}`));
    console.log(`${errors.length} error(s): nothing was imported.`);
    return 1;
  }
  return withConfiguredDatabase(async (database) => {
    const result = await new ContentEntries(database.db, () => DateTime.now()).loadLive(entries, by);
    console.log(`${entries.length} entries in ${path.relative(process.cwd(), dir) || dir}: ${result.added} added, ${result.updated} updated, ${entries.length - result.added - result.updated} unchanged`);
    return 0;
  });
}

runCli(main);
