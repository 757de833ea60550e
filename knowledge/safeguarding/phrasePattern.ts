/**
 * The small phrase language of the safeguarding lexicon, so the safeguarding lead can write
 * "(dad|mum) (hit*|kicked) (him|her)" instead of a regular expression:
 *
 * - words separated by spaces, matched whole against the message's cleaned words;
 * - `word*` matches any word starting with `word`; `#` matches any number;
 * - `(a|b c|d)` matches one of several phrases; `(…)?` makes it optional;
 * - `...` skips up to four words.
 */

/** One element of a parsed phrase. */
export type PatternNode =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'number' }
  | { kind: 'gap'; max: number }
  | { kind: 'choice'; options: PatternNode[][]; optional: boolean };

/** How many words `...` may skip. */
const GAP_WORDS = 4;

/** Raised for a phrase that does not follow the language, with what is wrong. */
export class PhraseSyntaxError extends Error {}

/** Splits a phrase's word into the cleaned words a message would have (contractions may become two words). */
export type WordCleaner = (word: string) => string[];

const identity: WordCleaner = (word) => [word];

/** Parses one lexicon phrase; throws PhraseSyntaxError when it is malformed. */
export function parsePhrase(phrase: string, clean: WordCleaner = identity): PatternNode[] {
  const tokens = phrase.toLowerCase().match(/\.\.\.|[()|?]|[^\s()|?]+/g) ?? [];
  let pos = 0;
  const sequence = (depth: number): PatternNode[] => {
    const nodes: PatternNode[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos];
      if (token === '|' || token === ')') {
        if (depth === 0) throw new PhraseSyntaxError(`unexpected "${token}"`);
        break;
      }
      pos++;
      if (token === '(') {
        const options: PatternNode[][] = [sequence(depth + 1)];
        while (tokens[pos] === '|') {
          pos++;
          options.push(sequence(depth + 1));
        }
        if (tokens[pos] !== ')') throw new PhraseSyntaxError('a "(" is not closed');
        pos++;
        const optional = tokens[pos] === '?';
        if (optional) pos++;
        if (options.some((o) => o.length === 0)) throw new PhraseSyntaxError('a choice has an empty option');
        nodes.push({ kind: 'choice', options, optional });
      } else if (token === '?') {
        throw new PhraseSyntaxError('"?" may only follow a ")"');
      } else if (token === '...') {
        nodes.push({ kind: 'gap', max: GAP_WORDS });
      } else if (token === '#') {
        nodes.push({ kind: 'number' });
      } else {
        nodes.push(...wordNodes(token, clean));
      }
    }
    return nodes;
  };
  const nodes = sequence(0);
  if (pos < tokens.length) throw new PhraseSyntaxError(`unexpected "${tokens[pos]}"`);
  if (nodes.length === 0) throw new PhraseSyntaxError('the phrase is empty');
  if (nodes[0].kind === 'gap' || nodes[nodes.length - 1].kind === 'gap') throw new PhraseSyntaxError('"..." must sit between words');
  return nodes;
}

function wordNodes(token: string, clean: WordCleaner): PatternNode[] {
  const prefix = token.endsWith('*');
  const bare = prefix ? token.slice(0, -1) : token;
  if (!/^[a-z0-9]+$/.test(bare)) throw new PhraseSyntaxError(`"${token}" is not a word (use letters and digits, with * only at the end)`);
  // A prefix stays as written ("abus*"); a whole word is cleaned as messages are ("shes" -> "she is").
  const words = prefix ? [bare] : clean(bare);
  return words.map((text, i) => ({ kind: 'word', text, prefix: prefix && i === words.length - 1 }));
}

/** True when the phrase matches the words starting exactly at `start`. */
export function matchesAt(nodes: PatternNode[], words: string[], start: number): boolean {
  return matchFrom(nodes, 0, words, start, () => true);
}

function matchFrom(nodes: PatternNode[], index: number, words: string[], pos: number, rest: (pos: number) => boolean): boolean {
  if (index === nodes.length) return rest(pos);
  const node = nodes[index];
  const next = (p: number) => matchFrom(nodes, index + 1, words, p, rest);
  switch (node.kind) {
    case 'word': {
      const word = words[pos];
      if (word === undefined) return false;
      const ok = node.prefix ? word.startsWith(node.text) : word === node.text;
      return ok && next(pos + 1);
    }
    case 'number':
      return pos < words.length && /^\d+$/.test(words[pos]) && next(pos + 1);
    case 'gap':
      for (let skip = 0; skip <= node.max && pos + skip <= words.length; skip++) if (next(pos + skip)) return true;
      return false;
    case 'choice':
      for (const option of node.options) if (matchFrom(option, 0, words, pos, next)) return true;
      return node.optional && next(pos);
  }
}

/** Every literal a match can start with (as [text, prefix]), or undefined when it can start with anything. */
export function firstWords(nodes: PatternNode[]): { text: string; prefix: boolean }[] | undefined {
  const node = nodes[0];
  switch (node.kind) {
    case 'word':
      return [{ text: node.text, prefix: node.prefix }];
    case 'number':
    case 'gap':
      return undefined;
    case 'choice': {
      if (node.optional) return undefined;
      const all: { text: string; prefix: boolean }[] = [];
      for (const option of node.options) {
        const first = firstWords(option);
        if (!first) return undefined;
        all.push(...first);
      }
      return all;
    }
  }
}
