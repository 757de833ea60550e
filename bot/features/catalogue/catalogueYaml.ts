import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { COURSES_FILE, loadCatalogue, SESSIONS_FILE } from '../../../knowledge/training/catalogueLoader';
import { CatalogueItem, catalogueOf, itemsOf } from './catalogueItems';

const HEADER =
  '# Written by npm run content:export from the training catalogue in the database; edit it in the\n# dashboard (Training catalogue), or here and load it back with npm run content:import -- --training DIR.\n';

/** One catalogue file's text: the records under `key`, in the YAML the loader reads. */
const fileText = (key: string, records: unknown[]) => HEADER + yaml.dump({ [key]: records }, { lineWidth: 120, noRefs: true });

/** Items in a stable order (by kind, then id), so two catalogues compare by what they say. */
const canonical = (items: readonly CatalogueItem[]) => JSON.stringify([...items].map((i) => `${i.kind}:${JSON.stringify(i.record)}`).sort());

/**
 * Writes live items as courses.yaml and sessions.yaml in `dir`; a folder whose files already say
 * the same is left alone, so git shows only real changes. Answers the files written.
 */
export function writeCatalogueYaml(dir: string, items: readonly CatalogueItem[], order: readonly string[] = []): string[] {
  const existing = fs.existsSync(path.join(dir, COURSES_FILE)) && fs.existsSync(path.join(dir, SESSIONS_FILE)) ? loadCatalogue(dir) : undefined;
  if (existing && existing.problems.length === 0 && canonical(itemsOf(existing.catalogue)) === canonical(items)) return [];
  const catalogue = catalogueOf(items, order);
  const records = itemsOf(catalogue);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, COURSES_FILE),
    fileText(
      'courses',
      records.filter((i) => i.kind === 'course').map((i) => i.record),
    ),
  );
  fs.writeFileSync(
    path.join(dir, SESSIONS_FILE),
    fileText(
      'sessions',
      records.filter((i) => i.kind === 'session').map((i) => i.record),
    ),
  );
  return [COURSES_FILE, SESSIONS_FILE];
}
