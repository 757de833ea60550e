/** How a named concept was recognised in a source document. */
export type SeedConceptKind = 'acronym' | 'name' | 'phrase';

/** One named concept found in a source document, as first written there. */
export interface SeedConcept {
  /** The concept as written at its first mention (an acronym's plural "s" dropped). */
  text: string;
  kind: SeedConceptKind;
  /** The line (1-based) of the first mention. */
  line: number;
}

/** Small words that may sit inside a capitalised name ("Common Core of Skills and Knowledge"). */
const NAME_LINKS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', '&', 'at']);

/**
 * Words that open a sentence, a quotation or an action rather than a name ("The Children Act
 * 2004", "In Westminster", "Implement the Common Assessment Framework").
 */
const LEADING_DROPS = new Set([
  'the',
  'a',
  'an',
  'our',
  'this',
  'these',
  'their',
  'its',
  'in',
  'by',
  'for',
  'to',
  'with',
  'from',
  'at',
  'on',
  'of',
  'and',
  'implement',
  'implementation',
  'embed',
  'embedding',
  'promote',
  'establish',
  'explore',
  'employing',
  'having',
  'incorporate',
  'contribute',
  'support',
  'respond',
  'ensure',
  'use',
  'develop',
  'improve',
  'undertake',
  'map',
  'identify',
  'build',
  'publish',
  'provide',
  'deliver',
  'create',
  'agree',
  'produce',
  'inform',
  'engage',
  'all',
  'phased',
  'increase',
  'review',
  'consult',
]);

/** The nouns that make a lower-case "the … scheme" phrase name a concept. */
export const PHRASE_HEADS = [
  'report',
  'reports',
  'strategy',
  'strategies',
  'programme',
  'programmes',
  'framework',
  'frameworks',
  'plan',
  'plans',
  'board',
  'boards',
  'scheme',
  'schemes',
  'standards',
  'fund',
  'index',
  'agenda',
  'review',
  'initiative',
];

/** Words that make a "the … plan" phrase a reference back to the document itself, not a name. */
const PHRASE_STARTS_TO_SKIP = new Set([
  'this',
  'that',
  'these',
  'those',
  'our',
  'their',
  'its',
  'each',
  'every',
  'any',
  'same',
  'new',
  'next',
  'above',
  'following',
]);

/** Words that cannot sit inside a named "the … plan" ("the actions in this strategy", "the number of plans"). */
const PHRASE_BREAKS = new Set([
  'this',
  'that',
  'these',
  'those',
  'our',
  'their',
  'its',
  'the',
  'a',
  'an',
  'in',
  'within',
  'for',
  'to',
  'on',
  'by',
  'with',
  'from',
  'into',
  'of',
  'putting',
  'as',
  'is',
  'are',
  'was',
  'will',
]);

const PHRASE = new RegExp(`\\bthe\\s+((?:[A-Za-z][A-Za-z'’\\-]*\\s+){1,4}?)(${PHRASE_HEADS.join('|')})\\b`, 'gi');

/** A word of a line, and whether a comma or a break (other punctuation, a tab, a wide gap) comes before it. */
interface Token {
  word: string;
  before: 'space' | 'comma' | 'break';
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z0-9]+(?:['’&-][A-Za-z0-9]+)*['’]?|\t| {3,}|\S/g;
  let before = 'break' as Token['before'];
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (/^[A-Za-z0-9&]/.test(m[0])) {
      out.push({ word: m[0].replace(/['’]$/, ''), before });
      before = /['’]$/.test(m[0]) && !/s['’]$/.test(m[0]) ? 'break' : 'space';
    } else before = m[0] === ',' && before === 'space' ? 'comma' : 'break';
  }
  return out;
}

const uppercaseCount = (w: string): number => (w.match(/[A-Z]/g) ?? []).length;
const lowercaseCount = (w: string): number => (w.match(/[a-z]/g) ?? []).length;

/**
 * True for a word written as an acronym: at least two capitals and either opening with two
 * capitals or with no more small letters than capitals ("CYPP", "DfES", "IdeA", "CAFcass", "eCAF").
 */
export function isAcronym(word: string): boolean {
  if (!/^[a-z]?[A-Z][A-Za-z0-9&]*$/.test(word)) return false;
  const upper = uppercaseCount(word);
  if (upper < 2) return false;
  return /^[a-z]?[A-Z]{2}/.test(word) || upper >= lowercaseCount(word);
}

/** An acronym without its plural "s" ("GCSEs" → "GCSE"). */
export function singularAcronym(word: string): string {
  return /[A-Z]s$/.test(word) ? word.slice(0, -1) : word;
}

/** Month names are capitalised but date a sentence rather than name a thing ("Analysis Workshop in June 2009"). */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const isCapitalised = (w: string): boolean => /^[A-Z]/.test(w) && !isAcronym(w) && !MONTHS.has(w.toLowerCase());
const isNumber = (w: string): boolean => /^\d[\d/-]*$/.test(w);

/** True for a line written in capitals, such as a heading ("INTERIM CHILDREN'S WORKFORCE STRATEGY"). */
function isShoutedLine(line: string): boolean {
  const letterWords = line.match(/[A-Za-z][A-Za-z'’]*/g) ?? [];
  const shouted = letterWords.filter((w) => w.length >= 2 && w === w.toUpperCase());
  return shouted.length >= 2 && shouted.length >= 0.7 * letterWords.length;
}

/** A shouted heading in title case, so its name is found like any other ("CHILDREN'S BOARD" → "Children's Board"). */
function titleCase(line: string): string {
  return line.replace(/[A-Za-z][A-Za-z'’]*/g, (w) => {
    const lower = w.toLowerCase();
    return NAME_LINKS.has(lower) ? lower : lower[0].toUpperCase() + lower.slice(1);
  });
}

/** Drops linking words at the ends of a run, and a leading "The", "Our" and the like. */
function trim(run: string[]): string[] {
  const out = [...run];
  while (out.length && (NAME_LINKS.has(out[out.length - 1].toLowerCase()) || out[out.length - 1] === ',')) out.pop();
  while (out.length && LEADING_DROPS.has(out[0].toLowerCase())) out.shift();
  return out;
}

/** Places that end a name when "in" or "at" introduces them ("Shared Services Centre in Oxfordshire County Council"). */
const PLACES = new Set(['england', 'london', 'westminster', 'leicestershire', 'newcastle', 'oxfordshire', 'oxford', 'gateshead', 'essex', 'county', 'city']);

/** Splits "X in Oxfordshire" and "X at Oxfordshire County Council" into the name and the place. */
function splitAtPlaces(run: string[]): string[][] {
  for (let i = 1; i < run.length - 1; i++) {
    if ((run[i] === 'in' || run[i] === 'at') && PLACES.has(run[i + 1].toLowerCase())) return [run.slice(0, i), run.slice(i + 1)];
  }
  return [run];
}

/**
 * A run joined by commas names one thing only when an "and" closes the list ("Department for
 * Children, Schools and Families"); otherwise the commas separate names.
 */
function splitAtCommas(run: string[]): string[][] {
  const lastComma = run.lastIndexOf(',');
  if (lastComma < 0) return [run];
  if (run.slice(lastComma).some((w) => w === 'and' || w === '&')) return [run];
  const parts: string[][] = [[]];
  for (const w of run)
    if (w === ',') parts.push([]);
    else parts[parts.length - 1].push(w);
  return parts;
}

/** Capitalised runs of two or more capitalised words, allowing small linking words and a closing number. */
function capitalisedNames(line: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (const part of splitAtCommas(trim(run)).flatMap(splitAtPlaces)) {
      const name = trim(part);
      if (name.filter(isCapitalised).length >= 2) out.push(name.join(' ').replace(/ , /g, ', '));
    }
    run = [];
  };
  for (const { word, before } of tokens(line)) {
    const last = run[run.length - 1];
    if (before === 'break' || (before === 'comma' && !(last && isCapitalised(last) && isCapitalised(word)))) flush();
    else if (before === 'comma') run.push(',');
    const prev = run[run.length - 1]?.toLowerCase();
    // A capital "The" inside a run starts a new sentence or a new name.
    if (word === 'The' && run.length) flush();
    if (isCapitalised(word)) run.push(word);
    // "and the" joins two names rather than continuing one ("the Council and the Network").
    else if (run.length && word === 'the' && (prev === 'and' || prev === '&')) flush();
    // One capitalised word before "the" opens a sentence ("Ask the …", "England in the …"), not a name.
    else if (word === 'the' && (run.length === 1 || (run.length === 2 && NAME_LINKS.has(run[1])))) run = [];
    else if (run.length && (NAME_LINKS.has(word) || word === '&')) run.push(word);
    else if (run.length && isNumber(word) && isCapitalised(run[run.length - 1])) {
      run.push(word);
      flush();
    } else flush();
  }
  flush();
  return out;
}

function acronyms(line: string): string[] {
  return (line.match(/[A-Za-z0-9&]+/g) ?? []).filter(isAcronym).map(singularAcronym);
}

/** Lower-case "the national … scheme" phrases; capitalised ones are already found as names. */
function phrases(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(PHRASE)) {
    const lead = m[1].trim().split(/\s+/);
    if (PHRASE_STARTS_TO_SKIP.has(lead[0].toLowerCase()) || lead.some((w) => PHRASE_BREAKS.has(w.toLowerCase()))) continue;
    const all = [...lead, m[2]];
    if (all.every((w) => /^[A-Z]/.test(w) || NAME_LINKS.has(w.toLowerCase()))) continue;
    if (all.some((w) => /^[A-Z]/.test(w))) continue;
    out.push(all.join(' '));
  }
  return out;
}

/**
 * Finds the named concepts of a source document: acronyms, capitalised multi-word names
 * ("Integrated Qualifications Framework", "Children Act 2004") and lower-case "the … scheme"
 * phrases ("the national vetting and barring scheme"); each concept once, at its first mention.
 */
export function extractSeedConcepts(text: string): SeedConcept[] {
  const found = new Map<string, SeedConcept>();
  const add = (conceptText: string, kind: SeedConceptKind, line: number) => {
    const key = `${kind === 'acronym' ? 'acronym' : 'name'}:${conceptText.toLowerCase()}`;
    if (!found.has(key)) found.set(key, { text: conceptText, kind, line });
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/<[^>]+>/g, ' ');
    if (isShoutedLine(line)) {
      for (const name of capitalisedNames(titleCase(line))) add(name, 'name', i + 1);
      return;
    }
    for (const name of capitalisedNames(line)) add(name, 'name', i + 1);
    for (const acronym of acronyms(line)) add(acronym, 'acronym', i + 1);
    for (const phrase of phrases(line)) add(phrase, 'phrase', i + 1);
  });
  return [...found.values()];
}
