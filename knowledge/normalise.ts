import lunr from 'lunr';
import { CHAT_SHORTHAND, COUNCIL_NICKNAMES } from './chatShorthand';
import { MULTI_WORD_TERMS } from './multiWordTerms';
import { memoised } from './normalisationMemo';
import { NUMBER_WORD_TABLES, ORDINALS, readNumberWords, SINGLE_NUMBER_WORDS } from './numberWords';

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
  // The British verb and noun differ by one letter and staff mix them up ("excellent in their practise"); one spelling serves both.
  practise: 'practice',
  practises: 'practices',
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

/**
 * Words staff use interchangeably that the Porter stemmer keeps apart: irregular plurals, plurals
 * typed without their apostrophe, and common chat shorthand.
 */
const EQUIVALENT_WORDS: Record<string, string> = {
  children: 'child',
  childrens: 'child',
  kid: 'child',
  kids: 'child',
  people: 'person',
  peoples: 'person',
  ppl: 'person',
  women: 'woman',
  men: 'man',
  info: 'information',
  govt: 'government',
  gov: 'government',
  org: 'organisation',
  orgs: 'organisation',
  mgr: 'manager',
  mgmt: 'management',
  quals: 'qualification',
  qual: 'qualification',
  uni: 'university',
};

/** Words of less than this length keep their -ize spelling ("size", "prize"). */
const MIN_IZE_WORD = 6;

/**
 * Words that frame a question rather than name what it is about; they are dropped from queries
 * (lunr's own English stop words are dropped as well).
 */
export const QUESTION_FILLER = new Set([
  'whats',
  'wat',
  'wot',
  'wht',
  'whta',
  'waht',
  'wats',
  'whatis',
  'whos',
  'hows',
  'wheres',
  'meaning',
  'mean',
  'means',
  'meant',
  'definition',
  'define',
  'defined',
  'definitions',
  'explain',
  'explanation',
  'stand',
  'stands',
  'tell',
  'know',
  'please',
  'pls',
  'plz',
  'thanks',
  'thank',
  'hi',
  'hello',
  'hey',
  'acronym',
  'abbreviation',
  'describe',
  'anyone',
  'someone',
  'exactly',
  'actually',
  'basically',
  'quick',
  'question',
  'q',
  'eh',
  'ok',
  'okay',
  'um',
  'erm',
  'im',
  'ive',
  'id',
  'dont',
  'doesnt',
  'isnt',
  'arent',
  'sure',
  'wondering',
  'wonder',
  'heard',
  'hear',
  'seeing',
  'seen',
  'thing',
  'things',
  'stuff',
  'mentioned',
  'something',
  'does',
  'still',
  'exist',
  'exists',
  'existing',
  'around',
  'anymore',
  'nowadays',
  'now',
  'currently',
  'going',
  'running',
  'used',
  'use',
  'need',
  'needs',
  'want',
  'wants',
  'get',
  'gets',
  'got',
  'bit',
  'say',
  'says',
  'said',
  'stands',
  'really',
  'lot',
  'lots',
  'kind',
  'sort',
  'whole',
  'exactly',
  'happened',
  'happen',
  'find',
  'out',
  'like',
  'being',
  'having',
  'make',
  'makes',
  'made',
  'doing',
  'done',
  'go',
  'goes',
  'anything',
  'everything',
  'a',
  'an',
  'the',
  'is',
  'are',
  'u',
  'ur',
  'r',
  'whatre',
  'thats',
  'aka',
  'abt',
  'etc',
  'vs',
]);

/**
 * Folds text to the form the index and the phrase table use: lower case, plain apostrophes,
 * British spelling, punctuation as spaces, "C&F" as "cf", "t.a.c" as "tac", chat shorthand and
 * council nicknames as the words they stand for, and multi-word terms joined.
 */
export function normaliseText(raw: string): string {
  return memoised('text', raw, () => normaliseAfresh(raw));
}

function normaliseAfresh(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  text = text.replace(/[\u2018\u2019\u201B\u2032\u0060\u00B4]/g, "'").replace(/[\u201C\u201D\u2033]/g, '"');
  text = text.replace(/([a-z0-9])&([a-z0-9])/g, '$1$2').replace(/&/g, ' and ');
  text = text.replace(/\bco-(?=ordinat|operat|locat)/g, 'co');
  // Acronyms typed with dots ("t.a.c", "y.o.t.") are the acronym.
  text = text.replace(/\b[a-z](?:\.[a-z])+\b\.?/g, (m) => m.replace(/\./g, ''));
  // Contractions are read as their words before apostrophes go, so "who've" is "who have", not a misspelt "whole".
  text = text
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not')
    .replace(/'ve\b/g, ' have')
    .replace(/'re\b/g, ' are')
    .replace(/'ll\b/g, ' will')
    .replace(/'m\b/g, ' am');
  text = text
    .replace(/'s\b/g, '')
    .replace(/s'(?=\s|$)/g, 's')
    .replace(/'/g, '');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!text) return text;
  const spelt = readNumberWords(text.split(' ').flatMap((w) => (CHAT_SHORTHAND[w] ?? w).split(' ')));
  const plain = spelt.flatMap((w) => (COUNCIL_NICKNAMES[w] ?? toBritish(w)).split(' '));
  return joinMultiWordTerms(plain).join(' ');
}

/** A word reduced just enough to match a multi-word term: irregular plurals and a plural "s". */
function phraseForm(word: string): string {
  const equivalent = EQUIVALENT_WORDS[word];
  if (equivalent) return equivalent;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const MULTI_WORD_FORMS = MULTI_WORD_TERMS.map((t) => {
  const forms = t.words.split(' ').map(phraseForm);
  return { forms, token: forms.join(''), keepWords: t.keepWords };
}).sort((a, b) => b.forms.length - a.forms.length);

/** The single words multi-word terms are read as ("childinneed"); the stemmer leaves them whole. */
export const MULTI_WORD_TOKENS: ReadonlySet<string> = new Set(MULTI_WORD_FORMS.map((t) => t.token));

/** Replaces each multi-word term with its joined token (after its words, when it keeps them). */
function joinMultiWordTerms(list: string[]): string[] {
  const forms = list.map(phraseForm);
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    const term = MULTI_WORD_FORMS.find((t) => t.forms.every((f, k) => forms[i + k] === f));
    if (!term) {
      out.push(list[i++]);
      continue;
    }
    if (term.keepWords) out.push(...list.slice(i, i + term.forms.length));
    out.push(term.token);
    i += term.forms.length;
  }
  return out;
}

/** Number words and ordinals written as digits, so "six areas", "6 areas" and "area 6" meet. */
const NUMBER_WORDS: Record<string, string> = Object.fromEntries(Object.entries({ ...SINGLE_NUMBER_WORDS, ...ORDINALS }).map(([word, n]) => [word, String(n)]));

function toBritish(word: string): string {
  const number = NUMBER_WORDS[word] ?? /^(\d+)(st|nd|rd|th)$/.exec(word)?.[1];
  if (number) return number;
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

/** True for lunr's English stop words, which the index leaves out. */
export const isStopWord = (w: string): boolean => lunr.stopWordFilter(new lunr.Token(w, {})) === undefined;
const isLunrStopWord = isStopWord;

/** True for words that carry no meaning for search (lunr's stop words and question framing). */
export function isFiller(word: string): boolean {
  return QUESTION_FILLER.has(word) || isLunrStopWord(word);
}

/**
 * Reduces a word to its stem. Words in `keep` (the knowledge base's acronyms) stay whole, since
 * stemming would merge distinct acronyms such as YP and YPS.
 */
export function stem(word: string, keep?: ReadonlySet<string>): string {
  if (keep?.has(word) || MULTI_WORD_TOKENS.has(word)) return word;
  return memoised('stem', word, () => lunr.stemmer(new lunr.Token(EQUIVALENT_WORDS[word] ?? word, {})).toString());
}

/** The meaningful words of a question or name, unstemmed (question framing and stray letters dropped). */
export function keyWords(raw: string): string[] {
  return words(raw).filter((w) => (w.length > 1 || /\d/.test(w)) && !isFiller(w));
}

/** The meaningful, stemmed terms of a question or name, in order. */
export function keyTerms(raw: string, keep?: ReadonlySet<string>): string[] {
  return keyWords(raw).map((w) => stem(w, keep));
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

/**
 * The word lists normalisation applies, as one string: an index built under other lists reads
 * text differently from the search, so the knowledge base file is rebuilt when this changes.
 */
export function normalisationFingerprint(): string {
  return JSON.stringify([
    AMERICAN_TO_BRITISH,
    EQUIVALENT_WORDS,
    NUMBER_WORDS,
    NUMBER_WORD_TABLES,
    CHAT_SHORTHAND,
    COUNCIL_NICKNAMES,
    MULTI_WORD_TERMS,
    QUESTION_FILLER.size,
  ]);
}
