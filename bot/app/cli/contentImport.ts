import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentEntries } from '../../features/content/contentEntries';
import { runCli, withConfiguredDatabase } from './cliRun';
import { DEFAULT_CONTENT_DIR, loadContent } from '../../../knowledge/contentLoader';
import { validateEntries } from '../../../knowledge/contentValidator';
import { CatalogueStore, itemsOf } from '../../features/catalogue/catalogueItems';
import { loadCatalogue } from '../../../knowledge/training/catalogueLoader';
import { validateCatalogue } from '../../../knowledge/training/catalogueValidator';

const USAGE = `Usage: npm run content:import [-- --from DIR] [--training DIR] [--by NAME]
Loads the Markdown entries in DIR (knowledge/content by default) into the database as live
versions (new or changed entries only), after the same checks as npm run kb:check; nothing is
loaded when any file has an error. With --training, also loads courses.yaml and sessions.yaml from
that folder into the training catalogue. Running replicas pick the change up within seconds.`;

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
  const trainingAt = argv.indexOf('--training');
  const trainingDir = trainingAt >= 0 ? path.resolve(argv[trainingAt + 1] ?? '') : undefined;
  const training = trainingDir ? loadCatalogue(trainingDir) : undefined;
  const errors = [...problems, ...validateEntries(entries), ...(training?.problems ?? [])].filter((p) => p.level === 'error');
  if (errors.length) {
    errors.forEach((p) => console.log(`ERROR   ${p.file}: ${p.message}`));
    console.log(`${errors.length} error(s): nothing was imported.`);
    return 1;
  }
  return withConfiguredDatabase(async (database) => {
    const contentEntries = new ContentEntries(database.db, () => DateTime.now());
    if (training) {
      // Checked before anything is loaded; courses may name entries already in the database as well as those imported with them.
      const entryIds = new Set([...entries, ...(await contentEntries.liveEntries())].map((e) => e.id));
      const trainingErrors = validateCatalogue(training.catalogue, { entryIds }).filter((p) => p.level === 'error');
      if (trainingErrors.length) {
        trainingErrors.forEach((p) => console.log(`ERROR   ${p.file}: ${p.message}`));
        console.log(`${trainingErrors.length} error(s) in the training catalogue: nothing was imported.`);
        return 1;
      }
    }
    const result = await contentEntries.loadLive(entries, by);
    console.log(
      `${entries.length} entries in ${path.relative(process.cwd(), dir) || dir}: ${result.added} added, ${result.updated} updated, ${entries.length - result.added - result.updated} unchanged`,
    );
    if (training && trainingDir) {
      const items = itemsOf(training.catalogue);
      const loaded = await new CatalogueStore(database.db, () => DateTime.now()).loadLive(items, by);
      console.log(
        `${items.length} courses and sessions in ${path.relative(process.cwd(), trainingDir) || trainingDir}: ${loaded.added} added, ${loaded.updated} updated, ${items.length - loaded.added - loaded.updated} unchanged`,
      );
    }
    return 0;
  });
}

runCli(main);
