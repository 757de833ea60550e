import type { AudienceCount as ResolvedCount } from '../../features/audience/resolveAudience';

/** What the authoring form shows beside the audience picker. */
export interface AudienceCount {
  /** Everyone the audience names, reachable or not. */
  inAudience: number;
  /** Those a copy can go to now: an open chat, a roster member (chat opened on first send) or a channel. */
  reachableNow: number;
  /** Those who get it once the personal app is installed for them. */
  needsInstall: number;
  /** Those nobody can reach, grouped by reason, most first. */
  notReachable: { reason: string; count: number }[];
}

/** The resolver's count in the form's shape: reasons as a list, most first, so the page can show them in order. */
export function formCount(count: ResolvedCount): AudienceCount {
  const notReachable = Object.entries(count.reasons)
    .map(([reason, n]) => ({ reason, count: n }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { inAudience: count.inAudience, reachableNow: count.reachableNow, needsInstall: count.needsInstall, notReachable };
}
