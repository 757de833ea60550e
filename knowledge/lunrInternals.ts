import lunr from 'lunr';

/** The parts of a lunr token set this project uses; @types/lunr declares them imprecisely. */
export interface TokenSetLike {
  intersect(other: TokenSetLike): TokenSetLike;
  toArray(): string[];
}

interface TokenSetStatics {
  fromFuzzyString(text: string, editDistance: number): TokenSetLike;
}

/** Postings per term: the documents each field holds it in. */
type Postings = Record<string, Record<string, unknown> | number>;

interface IndexInternals {
  invertedIndex: Record<string, Postings>;
  tokenSet: TokenSetLike;
  /** "field/ref" → the field's term vector, as [term index, weight, …] sorted by term index. */
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
}

// lunr exposes these at run time (they are serialised with the index) but not in its typings.
const internals = (index: lunr.Index): IndexInternals => index as unknown as IndexInternals;
const tokenSets = lunr.TokenSet as unknown as TokenSetStatics;

/** Every term in the index with the number of entries that hold it, in any field. */
export function documentFrequencies(index: lunr.Index): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, postings] of Object.entries(internals(index).invertedIndex)) {
    const docs = new Set<string>();
    for (const [field, refs] of Object.entries(postings)) {
      if (field === '_index' || typeof refs === 'number') continue;
      for (const ref of Object.keys(refs)) docs.add(ref);
    }
    out.set(term, docs.size);
  }
  return out;
}

/** Index terms within `editDistance` edits (transpositions included) of a term. */
export function termsNear(index: lunr.Index, term: string, editDistance: number): string[] {
  return internals(index).tokenSet.intersect(tokenSets.fromFuzzyString(term, editDistance)).toArray();
}

/** Terms the index holds in one field only (for "questions": words found only in the ways staff ask, typos among them). */
export function termsOnlyIn(index: lunr.Index, field: string): Set<string> {
  const out = new Set<string>();
  for (const [term, postings] of Object.entries(internals(index).invertedIndex)) {
    const fields = Object.entries(postings).filter(([name, refs]) => name !== '_index' && typeof refs !== 'number' && Object.keys(refs).length > 0);
    if (fields.length === 1 && fields[0][0] === field) out.add(term);
  }
  return out;
}

/** The fields of one entry that hold a term (none when the index does not have it). */
export function fieldsHolding(index: lunr.Index, term: string, ref: string): string[] {
  const postings = internals(index).invertedIndex[term];
  if (!postings) return [];
  // A plain loop: the search asks this for every candidate and term, and the arrays of Object.entries were most of its cost.
  const fields: string[] = [];
  for (const field of Object.keys(postings)) {
    const refs = postings[field];
    if (field !== '_index' && typeof refs !== 'number' && ref in refs) fields.push(field);
  }
  return fields;
}

/** One entry's score for a query, as lunr's own ranking gives it. */
export interface TermScore {
  ref: string;
  score: number;
}

/**
 * What `index.query` returns for a query of plain terms (each in every field, no wildcard, boost
 * or presence), computed straight from the index: the same scores, in the same order, without
 * the match metadata lunr builds for every matching field and which the search never reads.
 */
export function termScores(index: lunr.Index, terms: readonly string[]): TermScore[] {
  const { invertedIndex, fields } = internals(index);
  // Each field's query vector: term index → how many times the query names the term.
  const queryVectors = new Map(fields.map((f) => [f, new Map<number, number>()]));
  const termAt = new Map<number, string>();
  // Matching (field, entry) pairs in the order lunr first meets them, which decides the order of equal scores.
  const matchedIn = new Map(fields.map((f) => [f, new Set<string>()]));
  const matching: [string, string][] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (!Object.prototype.hasOwnProperty.call(invertedIndex, term)) continue;
    const posting = invertedIndex[term];
    const termIndex = posting._index as number;
    termAt.set(termIndex, term);
    for (const field of fields) {
      const vector = queryVectors.get(field)!;
      vector.set(termIndex, (vector.get(termIndex) ?? 0) + 1);
      const key = `${term}/${field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const refs = posting[field];
      if (!refs || typeof refs === 'number') continue;
      const matched = matchedIn.get(field)!;
      for (const ref in refs) {
        if (matched.has(ref)) continue;
        matched.add(ref);
        matching.push([field, ref]);
      }
    }
  }
  // Sorted by term index and with the magnitude summed in that order, as lunr's vectors do, so the scores match to the last bit.
  const sorted = new Map([...queryVectors].map(([f, v]) => [f, [...v].sort((a, b) => a[0] - b[0])]));
  const magnitudes = new Map([...sorted].map(([f, v]) => [f, Math.sqrt(v.reduce((sum, [, w]) => sum + w * w, 0))]));
  // Each (field, entry) dot product, its products added in term-index order as lunr adds them.
  const dots = new Map(fields.map((f) => [f, new Map<string, number>()]));
  for (const field of fields) {
    const dot = dots.get(field)!;
    for (const [termIndex, weight] of sorted.get(field)!) {
      for (const [ref, element] of weightsOf(index, termAt.get(termIndex)!).get(field) ?? []) dot.set(ref, (dot.get(ref) ?? 0) + weight * element);
    }
  }
  const results: TermScore[] = [];
  const byRef = new Map<string, TermScore>();
  for (const [field, ref] of matching) {
    const score = (dots.get(field)!.get(ref) ?? 0) / magnitudes.get(field)! || 0;
    const match = byRef.get(ref);
    if (match) match.score += score;
    else {
      const created = { ref, score };
      byRef.set(ref, created);
      results.push(created);
    }
  }
  return results.sort((a, b) => b.score - a.score);
}

/** Per index, each term's weight in every field vector that holds it: field → [ref, weight]. */
const termWeights = new WeakMap<lunr.Index, Map<string, Map<string, [string, number][]>>>();

/**
 * One term's weights, read from the field vectors once and kept (an index never changes): finding
 * them by binary search in every matching vector on every question was most of a search's time.
 */
function weightsOf(index: lunr.Index, term: string): Map<string, [string, number][]> {
  let byTerm = termWeights.get(index);
  if (!byTerm) termWeights.set(index, (byTerm = new Map()));
  const known = byTerm.get(term);
  if (known) return known;
  const { invertedIndex, fieldVectors, fields } = internals(index);
  const posting = invertedIndex[term];
  const termIndex = posting._index as number;
  const out = new Map<string, [string, number][]>();
  for (const field of fields) {
    const refs = posting[field];
    if (!refs || typeof refs === 'number') continue;
    const list: [string, number][] = [];
    for (const ref in refs) {
      const elements = fieldVectors[`${field}/${ref}`]?.elements ?? [];
      const at = positionOf(elements, termIndex);
      if (at >= 0) list.push([ref, elements[at + 1]]);
    }
    out.set(field, list);
  }
  byTerm.set(term, out);
  return out;
}

/** Where a term index sits in a vector's [index, weight, …] elements (-1 when absent), by binary search. */
function positionOf(elements: number[], termIndex: number): number {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = elements[mid * 2];
    if (value === termIndex) return mid * 2;
    if (value < termIndex) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
