import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ContentProblem, DEFAULT_CONTENT_DIR, loadContent } from '../contentLoader';
import { validateEntries } from '../contentValidator';
import { findCopiedText } from '../copiedTextCheck';
import { DEFAULT_IGNORE_FILE, seedCoverageReport } from '../seedCoverage';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../surveys/templateLoader';
import { DEFAULT_TRAINING_DIR, loadCatalogue } from '../training/catalogueLoader';
import { validateCatalogue } from '../training/catalogueValidator';
import { LONDON_ZONE } from '../londonZone';
import { DEFAULT_LEXICON_DIR, loadLexicon } from '../safeguarding/lexiconFile';

/**
 * `npm run kb:check [-- --content DIR] [--seeds DIR] [--ignore FILE] [--templates DIR] [--training DIR] [--safeguarding DIR]`:
 * validates every knowledge file, pulse template, the training catalogue and the safeguarding
 * lexicon, reports which named concepts of the seed strategies no entry covers, prints errors and
 * warnings, and exits non-zero when there is any error.
 */
function main(argv: string[]): number {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const contentDir = path.resolve(opt('--content') ?? DEFAULT_CONTENT_DIR);
  const seedsDir = opt('--seeds') ?? path.resolve('..', 'shared', 'seeds');
  const today = DateTime.now().setZone(LONDON_ZONE).toISODate() ?? '';

  const { entries, problems } = loadContent(contentDir);
  problems.push(...validateEntries(entries, today));
  if (fs.existsSync(seedsDir)) {
    const sources = fs.readdirSync(seedsDir).map((f) => ({ name: f, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));
    problems.push(...findCopiedText(entries, sources));
  }
  const coverage = seedCoverageReport(entries, seedsDir, path.resolve(opt('--ignore') ?? DEFAULT_IGNORE_FILE));
  problems.push(...coverage.problems);
  const templatesDir = path.resolve(opt('--templates') ?? DEFAULT_TEMPLATES_DIR);
  const { templates, problems: templateProblems } = loadTemplates(templatesDir);
  problems.push(...templateProblems);
  const trainingDir = path.resolve(opt('--training') ?? DEFAULT_TRAINING_DIR);
  const { catalogue, problems: trainingProblems } = loadCatalogue(trainingDir);
  problems.push(...trainingProblems.map((p) => ({ ...p, file: `training/${p.file}` })));
  const trainingChecks = validateCatalogue(catalogue, { now: DateTime.now().setZone(LONDON_ZONE), entryIds: new Set(entries.map((e) => e.id)) });
  problems.push(...trainingChecks.map((p) => ({ ...p, file: `training/${p.file}` })));
  const lexiconDir = path.resolve(opt('--safeguarding') ?? DEFAULT_LEXICON_DIR);
  const lexicon = loadLexicon(lexiconDir, today);
  problems.push(...lexicon.problems.map((p) => ({ ...p, file: `safeguarding/${p.file}` })));

  const errors = problems.filter((p) => p.level === 'error');
  const warnings = problems.filter((p) => p.level === 'warning');
  const show = (p: ContentProblem) => console.log(`${p.level === 'error' ? 'ERROR  ' : 'warning'} ${p.file}: ${p.message}`);
  errors.forEach(show);
  warnings.forEach(show);
  const seedNote = fs.existsSync(seedsDir) ? `, checked against ${path.relative(process.cwd(), seedsDir) || seedsDir} for copied text` : '';
  const templateNote = `, ${templates.length} pulse templates in ${path.relative(process.cwd(), templatesDir)}`;
  const trainingNote = `, ${catalogue.courses.length} courses and ${catalogue.sessions.length} sessions in ${path.relative(process.cwd(), trainingDir)}, ${lexicon.categories.length} safeguarding lexicon categories in ${path.relative(process.cwd(), lexiconDir)}`;
  console.log(coverage.line);
  console.log(
    `${entries.length} entries in ${path.relative(process.cwd(), contentDir)}${templateNote}${trainingNote}${seedNote}: ${errors.length} error(s), ${warnings.length} warning(s)`,
  );
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
