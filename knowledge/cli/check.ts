import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentProblem, DEFAULT_CONTENT_DIR, loadContent } from '../contentLoader';
import { validateEntries } from '../contentValidator';
import { findCopiedText } from '../copiedTextCheck';

/**
 * `npm run kb:check [-- --content DIR] [--seeds DIR]`: validates every knowledge file, prints
 * errors and warnings, and exits non-zero when there is any error.
 */
function main(argv: string[]): number {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const contentDir = path.resolve(opt('--content') ?? DEFAULT_CONTENT_DIR);
  const seedsDir = opt('--seeds') ?? path.resolve('..', 'shared', 'seeds');
  const today = DateTime.now().setZone('Europe/London').toISODate() ?? '';

  const { entries, problems } = loadContent(contentDir);
  problems.push(...validateEntries(entries, today));
  if (fs.existsSync(seedsDir)) {
    const sources = fs.readdirSync(seedsDir).map((f) => ({ name: f, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));
    problems.push(...findCopiedText(entries, sources));
  }

  const errors = problems.filter((p) => p.level === 'error');
  const warnings = problems.filter((p) => p.level === 'warning');
  const show = (p: ContentProblem) => console.log(`${p.level === 'error' ? 'ERROR  ' : 'warning'} ${p.file}: ${p.message}`);
  errors.forEach(show);
  warnings.forEach(show);
  const seedNote = fs.existsSync(seedsDir) ? `, checked against ${path.relative(process.cwd(), seedsDir) || seedsDir} for copied text` : '';
  console.log(`${entries.length} entries in ${path.relative(process.cwd(), contentDir)}${seedNote}: ${errors.length} error(s), ${warnings.length} warning(s)`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
