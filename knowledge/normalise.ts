import lunr from 'lunr';

/** American spellings staff may type, mapped to the British spelling the content uses. */
const AMERICAN_TO_BRITISH: Record<string, string> = {
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  center: 'centre',
  centers: 'centres',
  program: 'programme',
  programs: 'programmes',
  labor: 'labour',
  color: 'colour',
  favor: 'favour',
  favorable: 'favourable',
  judgment: 'judgement',
  enroll: 'enrol',
  enrollment: 'enrolment',
  pediatric: 'paediatric',
  pediatrics: 'paediatrics',
  counselor: 'counsellor',
  counseling: 'counselling',
  defense: 'defence',
  license: 'licence',
  offense: 'offence',
  mom: 'mum',
  moms: 'mums',
  neighborhood: 'neighbourhood',
  neighbor: 'neighbour',
  fulfill: 'fulfil',
  aging: 'ageing',
  modeling: 'modelling',
  traveling: 'travelling',
  catalog: 'catalogue',
  dialog: 'dialogue',
  analyze: 'analyse',
};

/** Words of less than this length keep their -ize spelling ("size", "prize"). */
const MIN_IZE_WORD = 6;

/**
 * Words that frame a question rather than name what it is about; they are dropped from queries
 * (lunr's own English stop words are dropped as well).
 */
export const QUESTION_FILLER = new Set([
  'whats', 'wat', 'wot', 'wht', 'whta', 'waht', 'wats', 'whatis', 'whos', 'hows', 'wheres',
  'meaning', 'mean', 'means', 'meant', 'definition', 'define', 'defined', 'definitions', 'explain',
  'explanation', 'stand', 'stands', 'tell', 'know', 'please', 'pls', 'plz', 'thanks', 'thank',
  'hi', 'hello', 'hey', 'acronym', 'abbreviation', 'describe', 'anyone', 'someone',
  'exactly', 'actually', 'basically', 'quick', 'question', 'q', 'eh', 'ok', 'okay', 'um', 'erm',
  'im', 'ive', 'id', 'dont', 'doesnt', 'isnt', 'arent', 'sure', 'wondering', 'wonder', 'heard',
  'hear', 'seeing', 'seen', 'thing', 'stuff', 'mentioned', 'something', 'does',
  'a', 'an', 'the', 'is', 'are', 'u', 'ur', 'r', 'whatre', 'thats', 'aka', 'abt', 'etc', 'vs',
]);

/**
 * Folds text to the form the index and the phrase table use: lower case, plain apostrophes,
 * British spelling, punctuation as spaces, "C&F" as "cf".
 */
export function normaliseText(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  text = text.replace(/[\u2018\u2019\u201B\u2032\u0060\u00B4]/g, "'").replace(/[\u201C\u201D\u2033]/g, '"');
  text = text.replace(/([a-z0-9])&([a-z0-9])/g, '$1$2').replace(/&/g, ' and ');
  text = text.replace(/'s\b/g, '').replace(/s'(?=\s|$)/g, 's').replace(/'/g, '');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return text
    .split(' ')
    .map(toBritish)
    .join(' ');
}

function toBritish(word: string): string {
  const mapped = AMERICAN_TO_BRITISH[word];
  if (mapped) return mapped;
  if (word.length >= MIN_IZE_WORD) {
    const m = /^(.*[a-z]{2})iz(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
    if (m) return `${m[1]}is${m[2]}`;
  }
  return word;
}

/** Splits normalised text into words. */
export function words(raw: string): string[] {
  const text = normaliseText(raw);
  return text ? text.split(' ') : [];
}

const isLunrStopWord = (w: string): boolean => lunr.stopWordFilter(new lunr.Token(w, {})) === undefined;

/** True for words that carry no meaning for search (lunr's stop words and question framing). */
export function isFiller(word: string): boolean {
  return QUESTION_FILLER.has(word) || isLunrStopWord(word);
}

/** Plurals the Porter stemmer leaves alone but staff use interchangeably with the singular. */
const IRREGULAR_PLURALS: Record<string, string> = { children: 'child', people: 'person', women: 'woman', men: 'man' };

/**
 * Reduces a word to its stem. Words in `keep` (the knowledge base's acronyms) stay whole, since
 * stemming would merge distinct acronyms such as YP and YPS.
 */
export function stem(word: string, keep?: ReadonlySet<string>): string {
  if (keep?.has(word)) return word;
  return lunr.stemmer(new lunr.Token(IRREGULAR_PLURALS[word] ?? word, {})).toString();
}

/** The meaningful, stemmed terms of a question or name, in order (question framing dropped). */
export function keyTerms(raw: string, keep?: ReadonlySet<string>): string[] {
  return words(raw)
    .filter((w) => !isFiller(w))
    .map((w) => stem(w, keep));
}

/** The stemmed terms of content text as the index stores them (only stop words dropped). */
export function indexTerms(raw: string, keep?: ReadonlySet<string>): string[] {
  return words(raw)
    .filter((w) => !isLunrStopWord(w))
    .map((w) => stem(w, keep));
}

/** The acronyms of a set of entries, as single normalised words, for `stem` to keep whole. */
export function acronymWords(entries: readonly { acronyms: string[] }[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) for (const a of e.acronyms) for (const w of words(a)) out.add(w);
  return out;
}
