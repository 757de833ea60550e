import { ContentProblem } from './contentLoader';
import { KnowledgeEntry } from './entry';
import { words } from './normalise';

/** Runs of this many words shared with a source document count as copied text. */
export const COPIED_RUN_WORDS = 8;

/**
 * Official names that every entry about them must use as they are (the ECM outcomes, Common Core
 * areas, One Children's Workforce arcs and 2020 expectations); they never count as copying.
 */
export const OFFICIAL_NAMES = [
  'be healthy',
  'stay safe',
  'enjoy and achieve',
  'make a positive contribution',
  'achieve economic well being',
  'achieve economic wellbeing',
  'effective communication and engagement with children young people and families',
  'child and young person development',
  'safeguarding and promoting the welfare of the child',
  'supporting transitions',
  'multi agency and integrated working',
  'multi agency working',
  'sharing information',
  'capacity to deliver and keep children safe',
  'complementary roles focused around children and young people',
  'high quality appropriately trained workforce',
  'integrated working practices',
  'behaviours focused on positive outcomes',
  'common values and language',
  'shared identity purpose and vision',
  'ambitious for every child and young person',
  'excellent in their practice',
  'committed to partnership and integrated working',
  'respected and valued as professionals',
].map((name) => words(name).join(' '));

/** Word runs of a text, with official names taken out so a run never spans one. */
function runs(text: string, size: number): string[] {
  let folded = ` ${words(text).join(' ')} `;
  for (const name of OFFICIAL_NAMES) folded = folded.split(` ${name} `).join(' | ');
  const out: string[] = [];
  for (const part of folded.split('|')) {
    const list = part.trim().split(' ').filter(Boolean);
    for (let i = 0; i + size <= list.length; i++) out.push(list.slice(i, i + size).join(' '));
  }
  return out;
}

/**
 * Flags entries that repeat a run of words from a source document, because entries must be
 * written in the project's own words rather than pasted from the strategies they cite.
 */
export function findCopiedText(entries: KnowledgeEntry[], sources: { name: string; text: string }[], size: number = COPIED_RUN_WORDS): ContentProblem[] {
  const seen = new Map<string, string>();
  for (const source of sources) for (const run of runs(source.text, size)) if (!seen.has(run)) seen.set(run, source.name);
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const text = [entry.summary, entry.body, entry.statusNote ?? ''].join('\n');
    const hit = runs(text, size).find((run) => seen.has(run));
    if (hit) {
      problems.push({ level: 'error', file: `${entry.id}.md`, message: `repeats "${hit}" from ${seen.get(hit)}: write it in your own words` });
    }
  }
  return problems;
}
