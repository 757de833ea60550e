/**
 * How one resolved recipient can be reached: a personal chat already open, a team roster member
 * whose chat the bot opens on first send, a team channel, someone who needs the personal app
 * installed first, or nobody can reach them (with why).
 */
export type RecipientReach = { kind: 'conversation' | 'roster' | 'channel' | 'install' } | { kind: 'unreachable'; reason: string };

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

/** The minimum a resolved recipient carries: its outbox id, and how it is reached when the resolver says. */
export interface CountedRecipient {
  userId: string;
  /** Set by resolvers that know reachability (Entra groups and everyone in the tenant); absent means reachable. */
  reach?: RecipientReach;
}

/**
 * Counts a resolved audience for the live count. Recipients the resolver returns without a reach
 * are reachable now: today's resolver returns only people with a chat and roster members, whose
 * chat the bot creates on first send.
 */
export function countAudience(recipients: readonly CountedRecipient[]): AudienceCount {
  let reachableNow = 0;
  let needsInstall = 0;
  const unreachable = new Map<string, number>();
  for (const r of recipients) {
    const reach = r.reach ?? { kind: r.userId.startsWith('channel:') ? 'channel' : 'conversation' };
    if (reach.kind === 'install') needsInstall++;
    else if (reach.kind === 'unreachable') unreachable.set(reach.reason, (unreachable.get(reach.reason) ?? 0) + 1);
    else reachableNow++;
  }
  const notReachable = [...unreachable].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { inAudience: recipients.length, reachableNow, needsInstall, notReachable };
}
