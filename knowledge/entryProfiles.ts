import { KnowledgeEntry } from './entry';
import { keyWords, stem } from './normalise';
import { FeatureCounts, FeatureNumbers, NumberedCounts, rememberedCounts, rememberedFeatureNumbers } from './profileCountsMemo';

/** Character n-grams of these lengths are read from each word (with its boundaries), so typos and word forms still meet. */
const CHAR_GRAMS = [3, 4, 5];

/** How close a question is to one entry's profile, by its words and by its spelling (cosines, 0–1). */
export interface ProfileSimilarity {
  words: number;
  chars: number;
}

/**
 * The naive Bayes smoothing count added to every feature of every entry: small, so a feature an
 * entry has never shown counts strongly against it, as the entries' own examples are short.
 */
const BAYES_SMOOTHING = 0.1;

/** A sparse vector: feature → weight. */
type Vector = Map<string, number>;

/** The word features of a text's key words: their stems and each pair of neighbouring stems. */
function wordFeatures(list: string[], stemOf: (word: string) => string): string[] {
  const terms = list.map(stemOf);
  const pairs = terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
  return [...terms, ...pairs];
}

/** The spelling features of a text's key words: their character n-grams, each word marked at both ends. */
function charFeatures(list: string[]): string[] {
  const out: string[] = [];
  for (const word of list) {
    const marked = `<${word}>`;
    for (const n of CHAR_GRAMS) for (let i = 0; i + n <= marked.length; i++) out.push(marked.slice(i, i + n));
  }
  return out;
}

/** Counts features with sublinear term frequency (1 + log tf), so a repeated word does not swamp the rest. */
function counted(features: string[]): Vector {
  const tf = new Map<string, number>();
  for (const f of features) tf.set(f, (tf.get(f) ?? 0) + 1);
  for (const [f, n] of tf) tf.set(f, 1 + Math.log(n));
  return tf;
}

/** Scales a vector to unit length (an empty vector stays empty). */
function unit(vector: Vector): Vector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
  if (norm > 0) for (const [f, w] of vector) vector.set(f, w / norm);
  return vector;
}

/**
 * Counts the features of an entry's labelled examples (title, acronyms, aliases, questions, tags,
 * summary), the slow part of building profiles, through the index worker's memo when it is on; one
 * entry at a time, so the worker can warm that memo up in steps.
 */
export class ExampleCounter {
  /** Stems depend on the content's acronyms, so remembered word counts are only reused while those are the same. */
  private readonly acronymsKey: string;

  constructor(
    acronyms: ReadonlySet<string>,
    private readonly stemOf: (word: string) => string = (w) => stem(w, acronyms),
  ) {
    this.acronymsKey = [...acronyms].sort().join(' ');
  }

  /** The entry's examples' word and spelling counts (empty ones left out); read them, never change them. */
  of(entry: KnowledgeEntry): { words: FeatureCounts[]; chars: FeatureCounts[] } {
    const texts = [entry.title, ...entry.acronyms, ...entry.aliases, ...entry.questions, entry.tags.join(' '), entry.summary];
    const words = texts.map((text) => rememberedCounts('words', `${this.acronymsKey}\u0000${text}`, () => counted(wordFeatures(keyWords(text), this.stemOf))));
    const chars = texts.map((text) => rememberedCounts('chars', text, () => counted(charFeatures(keyWords(text)))));
    return { words: words.filter((v) => v.size > 0), chars: chars.filter((v) => v.size > 0) };
  }
}

/**
 * A profile space as saved with the built knowledge base: each feature with its idf, and its
 * postings (entry positions and weights) flattened into typed arrays, so loading them (or passing
 * them from the index worker) parses no numbers.
 */
export interface SavedProfileSpace {
  features: string[];
  idf: Float64Array;
  /** Where each feature's postings start in `entries` and `weights` (one more than there are features). */
  starts: Int32Array;
  entries: Int32Array;
  weights: Float64Array;
  /** For the word space only: each posting's naive Bayes weight and each entry's log-chance of a feature it has never shown. */
  bayes?: SavedBayes;
}

/** A naive Bayes classifier over the same postings: log(1 + n / smoothing) per posting, and per entry log(smoothing / (total + smoothing × features)). */
export interface SavedBayes {
  weights: Float64Array;
  unseen: Float64Array;
}

/**
 * One kind of feature (words or spelling) over every entry: each entry's profile is the mean of
 * its examples' tf-idf vectors (a Rocchio centroid), kept as an inverted index for fast scoring.
 */
class ProfileSpace {
  private readonly idf = new Map<string, number>();
  /** feature → the entry positions holding it and its weight in each entry's unit profile. */
  private readonly postings = new Map<string, { entries: Int32Array; weights: Float64Array; bayes?: Float64Array }>();
  /** Each entry's naive Bayes log-chance of a feature it has never shown, when the space keeps a classifier. */
  private bayesUnseen?: Float64Array;
  /** Per-entry sums for one question, reused so scoring a question allocates nothing per entry. */
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;

  /** Rebuilds a space from what `save` wrote, without reading any content; undefined when the saved form does not hold together. */
  static load(saved: SavedProfileSpace, entryCount: number): ProfileSpace | undefined {
    const { features, idf, starts, entries, weights } = saved;
    const consistent =
      idf instanceof Float64Array &&
      starts instanceof Int32Array &&
      entries instanceof Int32Array &&
      weights instanceof Float64Array &&
      idf.length === features.length &&
      starts.length === features.length + 1 &&
      starts[0] === 0 &&
      starts[features.length] === entries.length &&
      weights.length === entries.length &&
      starts.every((start, i) => i === 0 || start >= starts[i - 1]) &&
      entries.every((entry) => entry >= 0 && entry < entryCount) &&
      (saved.bayes === undefined ||
        (saved.bayes.weights instanceof Float64Array &&
          saved.bayes.unseen instanceof Float64Array &&
          saved.bayes.weights.length === entries.length &&
          saved.bayes.unseen.length === entryCount));
    if (!consistent) return undefined;
    const space = new ProfileSpace([], entryCount);
    if (saved.bayes) space.bayesUnseen = saved.bayes.unseen;
    features.forEach((f, i) => {
      space.idf.set(f, idf[i]);
      if (starts[i + 1] > starts[i])
        space.postings.set(f, {
          entries: entries.subarray(starts[i], starts[i + 1]),
          weights: weights.subarray(starts[i], starts[i + 1]),
          bayes: saved.bayes?.weights.subarray(starts[i], starts[i + 1]),
        });
    });
    return space;
  }

  /** What `load` needs (numbers kept as float64, so a loaded space scores exactly as a built one). */
  save(): SavedProfileSpace {
    const features = [...this.idf.keys()];
    const starts = new Int32Array(features.length + 1);
    features.forEach((f, i) => (starts[i + 1] = starts[i] + (this.postings.get(f)?.entries.length ?? 0)));
    const entries = new Int32Array(starts[features.length]);
    const weights = new Float64Array(starts[features.length]);
    const bayes = this.bayesUnseen ? new Float64Array(starts[features.length]) : undefined;
    features.forEach((f, i) => {
      const posting = this.postings.get(f);
      if (!posting) return;
      entries.set(posting.entries, starts[i]);
      weights.set(posting.weights, starts[i]);
      if (bayes && posting.bayes) bayes.set(posting.bayes, starts[i]);
    });
    const saved: SavedProfileSpace = { features, idf: Float64Array.from(features, (f) => this.idf.get(f)!), starts, entries, weights };
    return bayes && this.bayesUnseen ? { ...saved, bayes: { weights: bayes, unseen: this.bayesUnseen.slice() } } : saved;
  }

  /**
   * Numbers for every feature in these vectors: the index worker's lasting ones (its remembered
   * vectors come numbered already), else numbers made for this build; `localOf` maps them to this
   * space's own numbering (-1 until a feature is first seen).
   */
  private static localNumbers(countsByEntry: readonly FeatureCounts[][]): { of: (v: FeatureCounts) => NumberedCounts; names: string[]; localOf: Int32Array } {
    const numbers = rememberedFeatureNumbers() ?? new FeatureNumbers();
    for (const vectors of countsByEntry) for (const v of vectors) numbers.of(v);
    return { of: (v) => numbers.of(v), names: numbers.names, localOf: new Int32Array(numbers.size).fill(-1) };
  }

  /**
   * `countsByEntry` holds each entry's examples' feature counts (empty ones left out); they are read,
   * never changed. With `withBayes`, the space also keeps a naive Bayes classifier over the same counts.
   */
  constructor(countsByEntry: readonly FeatureCounts[][], entryCount = countsByEntry.length, withBayes = false) {
    // Features are numbered in order of first appearance and summed in typed arrays, in the same order (so to the same bits) as summing in maps would.
    const features: string[] = [];
    const df: number[] = [];
    const lastEntry: number[] = [];
    const local = ProfileSpace.localNumbers(countsByEntry);
    const numbered = countsByEntry.map((vectors, entry) =>
      vectors.map((v) => {
        const { ids: known, tf } = local.of(v);
        const ids = new Int32Array(known.length);
        for (let k = 0; k < known.length; k++) {
          let id = local.localOf[known[k]];
          if (id < 0) {
            id = local.localOf[known[k]] = features.push(local.names[known[k]]) - 1;
            df.push(0);
            lastEntry.push(-1);
          }
          if (lastEntry[id] !== entry) {
            lastEntry[id] = entry;
            df[id]++;
          }
          ids[k] = id;
        }
        return { ids, tf };
      }),
    );
    const n = countsByEntry.length;
    const idf = Float64Array.from(df, (d) => Math.log(1 + n / d));
    features.forEach((f, i) => this.idf.set(f, idf[i]));
    // Per feature: the entries holding it, their profile weights and (only with a classifier) their naive Bayes weights.
    const lists: ([number[], number[], number[]] | undefined)[] = new Array(features.length);
    const profile = new Float64Array(features.length);
    const counts = new Float64Array(features.length);
    const unseen = new Float64Array(n);
    const inProfile = new Uint8Array(features.length);
    const touched: number[] = [];
    numbered.forEach((vectors, entry) => {
      touched.length = 0;
      let total = 0;
      // Each example's tf-idf vector at unit length, added into the entry's profile.
      for (const { ids, tf } of vectors) {
        if (withBayes)
          for (let k = 0; k < ids.length; k++) {
            counts[ids[k]] += tf[k];
            total += tf[k];
          }
        let squares = 0;
        for (let k = 0; k < ids.length; k++) {
          const weight = tf[k] * idf[ids[k]];
          squares += weight * weight;
        }
        const norm = squares > 0 ? Math.sqrt(squares) : 1;
        for (let k = 0; k < ids.length; k++) {
          const f = ids[k];
          if (inProfile[f] === 0) {
            inProfile[f] = 1;
            touched.push(f);
          }
          profile[f] += (tf[k] * idf[f]) / norm;
        }
      }
      // The profile at unit length (an empty one stays empty), posted under each of its features.
      let squares = 0;
      for (const f of touched) squares += profile[f] * profile[f];
      const norm = Math.sqrt(squares);
      if (withBayes) unseen[entry] = Math.log(BAYES_SMOOTHING / (total + BAYES_SMOOTHING * features.length));
      for (const f of touched) {
        const w = norm > 0 ? profile[f] / norm : profile[f];
        const list = (lists[f] ??= [[], [], []]);
        list[0].push(entry);
        list[1].push(w);
        if (withBayes) list[2].push(Math.log1p(counts[f] / BAYES_SMOOTHING));
        profile[f] = 0;
        inProfile[f] = 0;
        counts[f] = 0;
      }
    });
    lists.forEach((list, f) => {
      if (list)
        this.postings.set(features[f], {
          entries: Int32Array.from(list[0]),
          weights: Float64Array.from(list[1]),
          bayes: withBayes ? Float64Array.from(list[2]) : undefined,
        });
    });
    if (withBayes) this.bayesUnseen = unseen;
    this.sums = new Float64Array(entryCount);
    this.seen = new Uint8Array(entryCount);
  }

  private weighted(v: Vector): Vector {
    const out: Vector = new Map();
    for (const [f, w] of v) {
      const idf = this.idf.get(f);
      if (idf !== undefined) out.set(f, w * idf);
    }
    return out;
  }

  /** Cosine of the question to every entry profile it shares a feature with, by entry position. */
  similarities(features: string[]): Map<number, number> {
    const query = unit(this.weighted(counted(features)));
    const touched: number[] = [];
    const { sums, seen } = this;
    for (const [f, w] of query) {
      const posting = this.postings.get(f);
      if (!posting) continue;
      const { entries, weights } = posting;
      for (let k = 0; k < entries.length; k++) {
        const entry = entries[k];
        if (seen[entry] === 0) {
          seen[entry] = 1;
          touched.push(entry);
        }
        sums[entry] += w * weights[k];
      }
    }
    const out = new Map<number, number>();
    for (const entry of touched) {
      out.set(entry, sums[entry]);
      sums[entry] = 0;
      seen[entry] = 0;
    }
    return out;
  }

  /**
   * The naive Bayes chance of every entry (by position, summing to 1, equal priors) given the
   * question's features this space knows; undefined when it keeps no classifier or knows none of them.
   */
  chances(features: string[]): Float64Array | undefined {
    const unseen = this.bayesUnseen;
    if (!unseen) return undefined;
    const known = [...new Set(features)].filter((f) => this.idf.has(f));
    if (known.length === 0) return undefined;
    const logs = Float64Array.from(unseen, (u) => u * known.length);
    for (const f of known) {
      const posting = this.postings.get(f);
      if (!posting?.bayes) continue;
      for (let k = 0; k < posting.entries.length; k++) logs[posting.entries[k]] += posting.bayes[k];
    }
    let top = -Infinity;
    for (let i = 0; i < logs.length; i++) top = Math.max(top, logs[i]);
    let total = 0;
    for (let i = 0; i < logs.length; i++) total += logs[i] = Math.exp(logs[i] - top);
    for (let i = 0; i < logs.length; i++) logs[i] /= total;
    return logs;
  }
}

/** Entry profiles as saved with the built knowledge base, for the content they were built from. */
export interface SavedEntryProfiles {
  contentHash: string;
  ids: string[];
  words: SavedProfileSpace;
  chars: SavedProfileSpace;
}

/** A question's naive Bayes chances over the entries (summing to 1, or all 0 when it shares no word with them). */
export class EntryChances {
  constructor(
    private readonly ids: readonly string[],
    private readonly positionOf: ReadonlyMap<string, number>,
    private readonly chances: Float64Array | undefined,
  ) {}

  /** One entry's chance (0 for an id the content does not hold). */
  of(id: string): number {
    const at = this.positionOf.get(id);
    return at === undefined || !this.chances ? 0 : this.chances[at];
  }

  /** The ids of the `n` likeliest entries, likeliest first (ties by id); none when every chance is 0. */
  likeliest(n: number): string[] {
    const { chances, ids } = this;
    if (!chances) return [];
    // A short list kept in order while scanning once, since n is a handful and the entries are hundreds.
    const best: number[] = [];
    const before = (a: number, b: number) => chances[a] > chances[b] || (chances[a] === chances[b] && ids[a].localeCompare(ids[b]) < 0);
    for (let i = 0; i < chances.length; i++) {
      if (best.length === n && !before(i, best[n - 1])) continue;
      let at = best.length === n ? n - 1 : best.length;
      while (at > 0 && before(i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    }
    return best.map((i) => ids[i]);
  }
}

/**
 * A classifier learned from the content itself: every entry's title, acronyms, aliases, questions,
 * tags and summary are labelled examples of that entry, and a question is compared with each
 * entry's profile by words (stems and word pairs) and by spelling (character 3–5-grams), and by a
 * naive Bayes classifier over the same word counts. It finds entries a question describes in other
 * words than their names, and it is rebuilt from whatever content exists, so it needs no trained file.
 */
export class EntryProfiles {
  private ids: string[];
  private positionOf = new Map<string, number>();
  private wordSpace: ProfileSpace;
  private charSpace: ProfileSpace;
  /** Stemming is slow and the content repeats its words, so each content word is stemmed once (question words are not kept). */
  private readonly stems = new Map<string, string>();
  private readonly stemOf: (word: string) => string;

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly acronyms: ReadonlySet<string>,
  ) {
    this.ids = entries.map((e) => e.id);
    this.positionOf = new Map(this.ids.map((id, i) => [id, i]));
    this.stemOf = (w) => this.stems.get(w) ?? this.stems.set(w, stem(w, acronyms)).get(w)!;
    const counts = new ExampleCounter(acronyms, this.stemOf);
    const perEntry = entries.map((e) => counts.of(e));
    this.wordSpace = new ProfileSpace(
      perEntry.map((c) => c.words),
      entries.length,
      true,
    );
    this.charSpace = new ProfileSpace(perEntry.map((c) => c.chars));
  }

  /**
   * Profiles saved by `save` for the same entries (checked by their ids), so start-up reads them
   * instead of rebuilding them from the content; undefined when they are for other entries or do not hold together.
   */
  static load(saved: SavedEntryProfiles, entries: readonly KnowledgeEntry[], acronyms: ReadonlySet<string>): EntryProfiles | undefined {
    if (saved.ids.length !== entries.length || saved.ids.some((id, i) => id !== entries[i].id)) return undefined;
    const profiles = new EntryProfiles([], acronyms);
    profiles.ids = [...saved.ids];
    profiles.positionOf = new Map(profiles.ids.map((id, i) => [id, i]));
    const wordSpace = ProfileSpace.load(saved.words, entries.length);
    const charSpace = ProfileSpace.load(saved.chars, entries.length);
    // Profiles saved before the word space kept its classifier are rebuilt rather than used without it.
    if (!wordSpace || !charSpace || !saved.words.bayes) return undefined;
    profiles.wordSpace = wordSpace;
    profiles.charSpace = charSpace;
    return profiles;
  }

  /** The profiles in their saved form, tagged with the content they were built from. */
  save(contentHash: string): SavedEntryProfiles {
    return { contentHash, ids: [...this.ids], words: this.wordSpace.save(), chars: this.charSpace.save() };
  }

  /** A question's key words and its word features (stemmed as the content's were), read once for both the profiles and the classifier. */
  private questionFeatures(question: string): { list: string[]; words: string[] } {
    const list = keyWords(question);
    return { list, words: wordFeatures(list, (w) => this.stems.get(w) ?? stem(w, this.acronyms)) };
  }

  /** What the search reads about a question: its profile closeness to each entry and the naive Bayes chances, from one reading of its words. */
  closeness(question: string): { similarities: Map<string, ProfileSimilarity>; chances: EntryChances } {
    const features = this.questionFeatures(question);
    return { similarities: this.similaritiesOf(features), chances: this.chancesOf(features) };
  }

  /**
   * The naive Bayes chance that the question asks about each entry, learned from the same examples
   * by their words; every chance is 0 when the question shares no word with the content.
   */
  chances(question: string): EntryChances {
    return this.chancesOf(this.questionFeatures(question));
  }

  /** How close a question is to each entry that shares anything with it, by entry id. */
  similarities(question: string): Map<string, ProfileSimilarity> {
    return this.similaritiesOf(this.questionFeatures(question));
  }

  private chancesOf({ words }: { words: string[] }): EntryChances {
    return new EntryChances(this.ids, this.positionOf, this.wordSpace.chances(words));
  }

  private similaritiesOf({ list, words }: { list: string[]; words: string[] }): Map<string, ProfileSimilarity> {
    const byWords = this.wordSpace.similarities(words);
    const byChars = this.charSpace.similarities(charFeatures(list));
    const out = new Map<string, ProfileSimilarity>();
    for (const at of new Set([...byWords.keys(), ...byChars.keys()])) out.set(this.ids[at], { words: byWords.get(at) ?? 0, chars: byChars.get(at) ?? 0 });
    return out;
  }
}
