import { TrainingCatalogue } from './catalogue';
import { DEFAULT_TRAINING_DIR, loadCatalogue } from './catalogueLoader';
import { validateCatalogue } from './catalogueValidator';
import { throwOnErrors } from '../contentLoader';

/**
 * Loads the catalogue the bot serves and refuses one with errors, listing them, so a bad edit
 * stops start-up (and the tests) instead of showing staff a broken course.
 */
export function loadCheckedCatalogue(dir: string = DEFAULT_TRAINING_DIR, entryIds?: ReadonlySet<string>): TrainingCatalogue {
  const { catalogue, problems } = loadCatalogue(dir);
  throwOnErrors([...problems, ...validateCatalogue(catalogue, { entryIds })], 'The training catalogue', dir);
  return catalogue;
}
