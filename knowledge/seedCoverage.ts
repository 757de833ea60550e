import fs from 'node:fs';
import path from 'node:path';
import { ContentProblem } from './contentLoader';
import { KnowledgeEntry } from './entry';
import { words } from './normalise';
import { projectRoot } from './projectRoot';
import { extractSeedConcepts, SeedConcept } from './seedConcepts';

/** The reviewed list of extracted strings that are not concepts (people, places, headings, generic phrases). */
export const DEFAULT_IGNORE_FILE = path.join(projectRoot(), 'knowledge', 'inventory', 'seed-coverage-ignore.tsv');

/** Council and place names that may prefix a concept ("Westminster Primary Care Trust" is a primary care trust). */
const PLACE_PREFIXES = [
  'city of westminster',
  'westminster',
  'leicestershire',
  'newcastle upon tyne',
  'newcastle',
  'oxfordshire',
  'oxford',
  'north east',
  'regional',
  'local',
];

/** Plurals the "-s" rule would get wrong. */
const IRREGULAR: Record<string, string> = { children: 'child', childrens: 'child', people: 'person', peoples: 'person', women: 'woman', men: 'man' };

function singular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The form two names are compared in: case, apostrophes, "&" and plurals folded, a leading "the"
 * and closing numbers ("Children Act 2004", "Key Stage 3") dropped.
 */
export function conceptKey(name: string): string {
  const list = words(name).map(singular);
  while (list.length > 1 && /^\d[\d ]*$/.test(list[list.length - 1])) list.pop();
  if (list[0] === 'the' && list.length > 1) list.shift();
  return list.join(' ');
}

/** The key without a leading council or place name, or undefined when it has none. */
function withoutPlace(key: string): string | undefined {
  for (const place of PLACE_PREFIXES) {
    if (key.startsWith(`${place} `)) return key.slice(place.length + 1);
  }
  return undefined;
}

/** Small words that may join two names into one extracted string ("the CAF and Lead Professional"). */
const JOINING_WORDS = new Set(['and', 'of', 'the', 'to', 'for', 'in', 'on', 'at', 'with']);

/**
 * The entries that cover a key made of two or more covered names joined by small words ("Common
 * Assessment Framework and Lead Professional", "Sub-Group of the Children's Trust"), or undefined.
 */
function joinedOwners(key: string, owners: ReadonlyMap<string, string>): string[] | undefined {
  const list = key.split(' ');
  const memo = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (start === list.length) return [];
    if (memo.has(start)) return memo.get(start)!;
    let found: string[] | null = null;
    for (let end = list.length; end > start && !found; end--) {
      const id = owners.get(list.slice(start, end).join(' '));
      if (!id) continue;
      let next = end;
      while (next < list.length && JOINING_WORDS.has(list[next])) next++;
      if (end < list.length && next === end) continue;
      const rest = from(next);
      if (rest) found = [id, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  const ids = from(0);
  return ids && ids.length > 1 ? ids : undefined;
}

/** Every name an entry answers to: its title (whole, without brackets, and before them), aliases and acronyms. */
export function entryNames(entry: KnowledgeEntry): string[] {
  const title = entry.title;
  const unbracketed = title.replace(/\([^)]*\)/g, ' ');
  const beforeBracket = title.split('(')[0];
  return [title, unbracketed, beforeBracket, ...entry.aliases, ...entry.acronyms];
}

/** One line of the ignore list: a string the extractor finds that is not a concept, and why. */
export interface IgnoredString {
  name: string;
  reason: string;
  line: number;
}

/** Reads the ignore list: `name<TAB>reason` lines; blank lines and lines starting with # are skipped. */
export function parseIgnoreList(text: string, file = 'seed-coverage-ignore.tsv'): { items: IgnoredString[]; problems: ContentProblem[] } {
  const items: IgnoredString[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, reason] = raw.split('\t').map((s) => s?.trim());
    if (!name || !reason) {
      problems.push({ level: 'error', file, message: `line ${i + 1}: write the string, a tab, then the reason it is not a concept` });
      return;
    }
    const key = conceptKey(name);
    if (seen.has(key)) problems.push({ level: 'warning', file, message: `line ${i + 1}: "${name}" is listed twice` });
    seen.add(key);
    items.push({ name, reason, line: i + 1 });
  });
  return { items, problems };
}

/** A concept found in one source, with the source's name. */
export interface FoundConcept extends SeedConcept {
  source: string;
}

/** What the coverage check found. */
export interface SeedCoverage {
  /** Distinct concepts (by key) found across all sources. */
  concepts: FoundConcept[];
  covered: { concept: FoundConcept; entryId: string }[];
  ignored: { concept: FoundConcept; item: IgnoredString }[];
  uncovered: FoundConcept[];
  /** Ignore-list lines that match nothing extracted, or that an entry now covers. */
  staleIgnores: { item: IgnoredString; why: string }[];
}

/**
 * Finds the named concepts of the source documents and sorts each into covered (an entry's title,
 * alias or acronym names it), ignored (reviewed as not a concept) or uncovered.
 */
export function checkSeedCoverage(
  entries: readonly KnowledgeEntry[],
  sources: readonly { name: string; text: string }[],
  ignoreList: readonly IgnoredString[],
): SeedCoverage {
  const owners = new Map<string, string>();
  for (const entry of entries)
    for (const name of entryNames(entry)) {
      const key = conceptKey(name);
      if (key && !owners.has(key)) owners.set(key, entry.id);
    }
  const ignoredByKey = new Map(ignoreList.map((item) => [conceptKey(item.name), item]));

  const concepts = new Map<string, FoundConcept>();
  for (const source of sources) {
    for (const concept of extractSeedConcepts(source.text)) {
      const key = conceptKey(concept.text);
      if (key && !concepts.has(key)) concepts.set(key, { ...concept, source: source.name });
    }
  }

  const result: SeedCoverage = { concepts: [...concepts.values()], covered: [], ignored: [], uncovered: [], staleIgnores: [] };
  const usedIgnores = new Set<string>();
  for (const [key, concept] of concepts) {
    const place = withoutPlace(key);
    const entryId = owners.get(key) ?? (place !== undefined ? owners.get(place) : undefined) ?? joinedOwners(key, owners)?.join(' + ');
    const item = ignoredByKey.get(key);
    if (entryId) {
      result.covered.push({ concept, entryId });
      if (item) {
        usedIgnores.add(key);
        result.staleIgnores.push({ item, why: `${entryId} covers it now` });
      }
    } else if (item) {
      usedIgnores.add(key);
      result.ignored.push({ concept, item });
    } else result.uncovered.push(concept);
  }
  for (const [key, item] of ignoredByKey) {
    if (!usedIgnores.has(key)) result.staleIgnores.push({ item, why: 'no source mentions it' });
  }
  return result;
}

/** The coverage findings as kb:check problems: an uncovered concept is an error, a stale ignore line a warning. */
export function coverageProblems(coverage: SeedCoverage, ignoreFile = 'inventory/seed-coverage-ignore.tsv'): ContentProblem[] {
  const problems: ContentProblem[] = coverage.uncovered.map((c) => ({
    level: 'error' as const,
    file: `seeds/${c.source}`,
    message: `line ${c.line}: "${c.text}" (${c.kind}) has no entry: write one or add it as an alias of the entry that explains it; if it is not a concept, list it with a reason in ${ignoreFile}`,
  }));
  for (const { item, why } of coverage.staleIgnores) {
    problems.push({ level: 'warning', file: ignoreFile, message: `line ${item.line}: "${item.name}" can go (${why})` });
  }
  return problems;
}

/** The coverage figure kb:check prints. */
export function coverageSummary(coverage: SeedCoverage): string {
  const named = coverage.concepts.length - coverage.ignored.length;
  const share = named === 0 ? 1 : coverage.covered.length / named;
  return `seed coverage: ${coverage.concepts.length} strings found, ${coverage.ignored.length} reviewed as not concepts, ${coverage.covered.length} of ${named} concepts covered by an entry (${(share * 100).toFixed(1)}%), ${coverage.uncovered.length} uncovered`;
}

/** Reads the source documents of a folder (sorted by name), or undefined when the folder is absent. */
export function readSources(dir: string): { name: string; text: string }[] | undefined {
  if (!fs.existsSync(dir)) return undefined;
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * The whole seed-coverage check as kb:check runs it: reads the seeds and the ignore list, and
 * returns the problems and the line to print, or says the check was skipped when the seeds are
 * absent (a council's own copy of the project has none).
 */
export function seedCoverageReport(entries: readonly KnowledgeEntry[], seedsDir: string, ignoreFile: string): { line: string; problems: ContentProblem[] } {
  const sources = readSources(seedsDir);
  if (!sources) return { line: `seed coverage skipped: ${seedsDir} not found (a council's own copy has no seed strategies)`, problems: [] };
  const shownIgnoreFile = path.relative(process.cwd(), ignoreFile) || ignoreFile;
  const problems: ContentProblem[] = [];
  let items: IgnoredString[] = [];
  if (fs.existsSync(ignoreFile)) {
    const parsed = parseIgnoreList(fs.readFileSync(ignoreFile, 'utf8'), shownIgnoreFile);
    items = parsed.items;
    problems.push(...parsed.problems);
  } else problems.push({ level: 'warning', file: shownIgnoreFile, message: 'no ignore list found; every extracted string counts as a concept' });
  const coverage = checkSeedCoverage(entries, sources, items);
  problems.push(...coverageProblems(coverage, shownIgnoreFile));
  const shownSeeds = path.relative(process.cwd(), seedsDir) || seedsDir;
  return { line: `${coverageSummary(coverage)} (${sources.length} seeds in ${shownSeeds})`, problems };
}
