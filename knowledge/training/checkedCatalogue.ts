import { TrainingCatalogue } from './catalogue';
import { DEFAULT_TRAINING_DIR, loadCatalogue } from './catalogueLoader';
import { validateCatalogue } from './catalogueValidator';

/**
 * Loads the catalogue the bot serves and refuses one with errors, listing them, so a bad edit
 * stops start-up (and the tests) instead of showing staff a broken course.
 */
export function loadCheckedCatalogue(dir: string = DEFAULT_TRAINING_DIR, entryIds?: ReadonlySet<string>): TrainingCatalogue {
  const { catalogue, problems } = loadCatalogue(dir);
  const errors = [...problems, ...validateCatalogue(catalogue, { entryIds })].filter((p) => p.level === 'error');
  if (errors.length > 0) {
    const list = errors.slice(0, 10).map((e) => `  ${e.file}: ${e.message}`).join('\n');
    throw new Error(`The training catalogue in ${dir} has ${errors.length} error(s); run npm run kb:check.\n${list}`);
  }
  return catalogue;
}
