/** A segment value and how many responses carry it. */
export interface SegmentCount {
  /** The segment's key; empty for "not stated", the group rare values are folded into. */
  key: string;
  responses: number;
}

/**
 * The segment values to fold into "not stated" so that every value left, and "not stated" itself,
 * covers either no response or at least `threshold`: every value rarer than the threshold, then,
 * while the folded group is still smaller than the threshold, the next smallest values too. Applied
 * to each batch of responses before it is stored, so no stored figure, and no change between two
 * releases, is about fewer people than the threshold.
 */
export function segmentsToGeneralise(counts: readonly SegmentCount[], threshold: number): Set<string> {
  const folded = new Set(counts.filter((c) => c.key !== '' && c.responses > 0 && c.responses < threshold).map((c) => c.key));
  let pool = counts.filter((c) => c.key === '' || folded.has(c.key)).reduce((n, c) => n + c.responses, 0);
  const rest = counts
    .filter((c) => c.key !== '' && !folded.has(c.key) && c.responses > 0)
    .sort((a, b) => a.responses - b.responses || (a.key < b.key ? -1 : 1));
  for (const next of rest) {
    if (pool === 0 || pool >= threshold) break;
    folded.add(next.key);
    pool += next.responses;
  }
  return folded;
}
