import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentEntries } from '../content/contentEntries';
import { entryToMarkdown } from '../content/entryMarkdown';
import { runCli, withConfiguredDatabase } from './cliRun';
import { DEFAULT_CONTENT_DIR, parseEntryFile } from '../../knowledge/contentLoader';

const USAGE = `Usage: npm run content:export [-- --out DIR]
Writes every live entry in the database (DATABASE_URL or DATA_DIR) as Markdown, one file per entry,
to DIR (knowledge/content by default), so councils who keep content in git can commit it.`;

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
    return 0;
  });
}

runCli(main);
