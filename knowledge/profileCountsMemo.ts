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
}
