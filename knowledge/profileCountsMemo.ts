import { NormalisationMemo } from './normalisationMemo';

/** A feature-count vector for one example text of an entry: feature → sublinear term frequency. */
export type FeatureCounts = Map<string, number>;

/**
 * Remembers each entry example's feature counts (the slow part of building the entries' profiles)
 * across the index worker's builds, keyed by the example's text, so a build after a publish counts
 * only the examples that changed. Counting is a pure function of its key, so a remembered vector is
 * exactly what counting again would give; callers must never change a vector they are given.
 */
let active: NormalisationMemo<FeatureCounts> | undefined;

/** A remembered vector's features as numbers (in the vector's own order) and their counts, so a build sums them without looking strings up. */
export interface NumberedCounts {
  ids: Int32Array;
  tf: Float64Array;
}

/**
 * Numbers every feature the worker's remembered vectors hold, once for the life of the worker, so
 * a rebuild numbers each example's features by array look-ups instead of string look-ups. Numbers
 * are never reused; the list grows only with the vocabulary the content has ever had.
 */
export class FeatureNumbers {
  private readonly numberOf = new Map<string, number>();
  readonly names: string[] = [];
  private readonly numbered = new WeakMap<FeatureCounts, NumberedCounts>();

  /** How many features have a number. */
  get size(): number {
    return this.names.length;
  }

  of(v: FeatureCounts): NumberedCounts {
    let out = this.numbered.get(v);
    if (!out) {
      out = { ids: new Int32Array(v.size), tf: new Float64Array(v.size) };
      let k = 0;
      for (const [f, w] of v) {
        let id = this.numberOf.get(f);
        if (id === undefined) this.numberOf.set(f, (id = this.names.push(f) - 1));
        out.ids[k] = id;
        out.tf[k++] = w;
      }
      this.numbered.set(v, out);
    }
    return out;
  }
}

let numbers: FeatureNumbers | undefined;

/** The worker's feature numbers while the memo is on (its vectors are the same objects from build to build), else undefined. */
export function rememberedFeatureNumbers(): FeatureNumbers | undefined {
  if (active) numbers ??= new FeatureNumbers();
  return active ? numbers : undefined;
}

/** Switches the memo on for this thread (the index worker) and returns it; the same memo on every call. */
export function rememberProfileCounts(): NormalisationMemo<FeatureCounts> {
  active ??= new NormalisationMemo<FeatureCounts>();
  return active;
}

/** `count()` through the memo when it is on, else counted as usual. */
export function rememberedCounts(kind: 'words' | 'chars', key: string, count: () => FeatureCounts): FeatureCounts {
  return active ? active.get(kind, key, count) : count();
}

/** Switches the memo off again (tests that switched it on). */
export function forgetProfileCounts(): void {
  active = undefined;
  numbers = undefined;
}
