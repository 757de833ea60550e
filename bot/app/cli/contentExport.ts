import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentEntries } from '../../features/content/contentEntries';
import { entryToMarkdown } from '../../features/content/entryMarkdown';
import { runCli, withConfiguredDatabase } from './cliRun';
import { CatalogueStore } from '../../features/catalogue/catalogueItems';
import { writeCatalogueYaml } from '../../features/catalogue/catalogueYaml';
import { DEFAULT_TRAINING_DIR, loadCatalogue } from '../../../knowledge/training/catalogueLoader';
import { DEFAULT_CONTENT_DIR, parseEntryFile } from '../../../knowledge/contentLoader';

const USAGE = `Usage: npm run content:export [-- --out DIR] [--training DIR]
Writes every live entry in the database (DATABASE_URL or DATA_DIR) as Markdown, one file per entry,
to DIR (knowledge/content by default), so councils who keep content in git can commit it. With
--training, also writes the live training catalogue there as courses.yaml and sessions.yaml.`;

/** `npm run content:export`: the database's live entries back to Markdown files. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const outAt = argv.indexOf('--out');
  const dir = path.resolve(outAt >= 0 ? (argv[outAt + 1] ?? '') : DEFAULT_CONTENT_DIR);
  return withConfiguredDatabase(async (database) => {
    const entries = await new ContentEntries(database.db, () => DateTime.now()).liveEntries();
    fs.mkdirSync(dir, { recursive: true });
    let written = 0;
    for (const entry of entries) {
      const file = path.join(dir, `${entry.id}.md`);
      // A file that already says the same keeps its own layout, so git shows only real changes.
      if (fs.existsSync(file) && JSON.stringify(parseEntryFile(file, fs.readFileSync(file, 'utf8')).entry) === JSON.stringify(entry)) continue;
      fs.writeFileSync(file, entryToMarkdown(entry));
      written++;
    }
    console.log(`${entries.length} live entries; ${written} file(s) written to ${path.relative(process.cwd(), dir) || dir}`);
    const trainingAt = argv.indexOf('--training');
    if (trainingAt >= 0) {
      const trainingDir = path.resolve(argv[trainingAt + 1] ?? '');
      const items = await new CatalogueStore(database.db, () => DateTime.now()).liveRecords();
      // Courses keep the shipped YAML's order, which the "all courses" list follows.
      const order = loadCatalogue(DEFAULT_TRAINING_DIR).catalogue.courses.map((c) => c.id);
      const files = items.length ? writeCatalogueYaml(trainingDir, items, order) : [];
      console.log(`${items.length} live courses and sessions; ${files.length} file(s) written to ${path.relative(process.cwd(), trainingDir) || trainingDir}`);
    }
    return 0;
  });
}

runCli(main);
