import { CardRoute, ConcernCategory, LexiconCategory } from '../../../knowledge/safeguarding/lexiconFile';
import { firstWords, matchesAt, parsePhrase, PatternNode } from '../../../knowledge/safeguarding/phrasePattern';
import { plainWords } from './concernText';

/** What a lexicon phrase says when it matches. */
export type PhraseKind = 'term' | 'signal' | 'immediate';

interface CompiledPhrase {
  id: number;
  category: ConcernCategory;
  kind: PhraseKind;
  nodes: PatternNode[];
}

/** Which phrases of which categories a message matched. */
export interface LexiconMatch {
  /** Distinct term phrases matched, by category. */
  terms: Map<ConcernCategory, number>;
  /** Distinct signal phrases matched, by category: each reports a concern on its own. */
  signals: Map<ConcernCategory, number>;
  /** Categories whose "danger now" phrases matched. */
  immediate: Set<ConcernCategory>;
}

/** A lexicon phrase parsed into its pattern, as the compiled lexicon file stores it. */
export interface ParsedPhrase {
  category: ConcernCategory;
  kind: PhraseKind;
  nodes: PatternNode[];
}

/** Parses every phrase of every category, in order (terms, signals, then danger-now phrases). */
export function compileLexicon(categories: readonly LexiconCategory[]): ParsedPhrase[] {
  // Phrases share most of their words, and cleaning a word runs a dozen replacements: clean each once.
  const cleaned = new Map<string, string[]>();
  const clean = (word: string) => {
    let words = cleaned.get(word);
    if (!words) cleaned.set(word, (words = plainWords(word)));
    return words;
  };
  const out: ParsedPhrase[] = [];
  for (const category of categories) {
    const lists: [PhraseKind, string[]][] = [
      ['term', category.terms],
      ['signal', category.signals],
      ['immediate', category.immediate],
    ];
    for (const [kind, phrases] of lists) for (const text of phrases) out.push({ category: category.id, kind, nodes: parsePhrase(text, clean) });
  }
  return out;
}

/** Prefix phrases are indexed by this many leading letters. */
const KEY_LENGTH = 3;

/**
 * The safeguarding lexicon ready to match: every phrase parsed once, indexed by the words it can
 * start with, so a message is checked against the few phrases that could match at each word.
 */
export class Lexicon {
  private readonly exact = new Map<string, CompiledPhrase[]>();
  private readonly byKey = new Map<string, CompiledPhrase[]>();
  /** Phrases starting with a short prefix, a number or an optional part, tried at every word. */
  private readonly everywhere: CompiledPhrase[] = [];
  private readonly routes = new Map<ConcernCategory, CardRoute[]>();
  readonly categories: readonly LexiconCategory[];

  /** Phrases already parsed (from `compileLexicon`, or the compiled file written at training) skip parsing at start-up. */
  constructor(categories: readonly LexiconCategory[], phrases: readonly ParsedPhrase[] = compileLexicon(categories)) {
    this.categories = categories;
    for (const category of categories) this.routes.set(category.id, category.routes);
    phrases.forEach((phrase, id) => this.index({ id, ...phrase }));
  }

  private index(phrase: CompiledPhrase): void {
    const starts = firstWords(phrase.nodes);
    if (!starts || starts.some((s) => s.prefix && s.text.length < KEY_LENGTH)) {
      this.everywhere.push(phrase);
      return;
    }
    for (const start of starts) {
      const map = start.prefix ? this.byKey : this.exact;
      const key = start.prefix ? start.text.slice(0, KEY_LENGTH) : start.text;
      const list = map.get(key);
      if (!list) map.set(key, [phrase]);
      else if (!list.includes(phrase)) list.push(phrase);
    }
  }

  /** The routes (LADO, FGM duty, health) a category adds to the urgent card. */
  routesOf(category: ConcernCategory): CardRoute[] {
    return this.routes.get(category) ?? [];
  }

  /** Every whole word the lexicon's phrases use, for spelling correction. */
  words(): string[] {
    const out = new Set<string>();
    const walk = (nodes: PatternNode[]) => {
      for (const n of nodes) {
        if (n.kind === 'word' && !n.prefix) out.add(n.text);
        else if (n.kind === 'choice') n.options.forEach(walk);
      }
    };
    for (const category of this.categories) {
      for (const text of [...category.terms, ...category.signals, ...category.immediate]) walk(parsePhrase(text, plainWords));
    }
    return [...out];
  }

  /** Matches cleaned words (from `concernWords`) against every phrase. */
  match(words: string[]): LexiconMatch {
    const found = new Set<number>();
    const result: LexiconMatch = { terms: new Map(), signals: new Map(), immediate: new Set() };
    const tryPhrase = (phrase: CompiledPhrase, at: number) => {
      if (found.has(phrase.id) || !matchesAt(phrase.nodes, words, at)) return;
      found.add(phrase.id);
      if (phrase.kind === 'immediate') result.immediate.add(phrase.category);
      else {
        const counts = phrase.kind === 'term' ? result.terms : result.signals;
        counts.set(phrase.category, (counts.get(phrase.category) ?? 0) + 1);
      }
    };
    for (let at = 0; at < words.length; at++) {
      const word = words[at];
      for (const phrase of this.exact.get(word) ?? []) tryPhrase(phrase, at);
      for (const phrase of this.byKey.get(word.slice(0, KEY_LENGTH)) ?? []) tryPhrase(phrase, at);
      for (const phrase of this.everywhere) tryPhrase(phrase, at);
    }
    return result;
  }
}
