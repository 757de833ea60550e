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
  return Object.entries(postings)
    .filter(([field, refs]) => field !== '_index' && typeof refs !== 'number' && ref in refs)
    .map(([field]) => field);
}
