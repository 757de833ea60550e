/** A group of responses and its size. */
export interface SegmentSize {
  key: string;
  responses: number;
}

/**
 * Which segments to hide: every segment smaller than the threshold, and then the next smallest
 * ones until the hidden segments together reach the threshold. With the total shown, one hidden
 * segment could be worked out by subtraction (total minus the others), so when exactly one would
 * be hidden the next smallest is hidden too; and two small hidden segments whose sum is still
 * under the threshold would expose that small combined group, so hiding goes on until it is not.
 */
export function segmentsToHide(segments: readonly SegmentSize[], threshold: number): Set<string> {
  const hidden = new Set(segments.filter((s) => s.responses < threshold).map((s) => s.key));
  if (hidden.size === 0) return hidden;
  let hiddenTotal = segments.filter((s) => hidden.has(s.key)).reduce((n, s) => n + s.responses, 0);
  const visible = segments.filter((s) => !hidden.has(s.key)).sort((a, b) => a.responses - b.responses || a.key.localeCompare(b.key));
  for (const next of visible) {
    if (hiddenTotal >= threshold && hidden.size > 1) break;
    hidden.add(next.key);
    hiddenTotal += next.responses;
  }
  return hidden;
}
