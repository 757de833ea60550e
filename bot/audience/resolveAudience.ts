import { ConversationRecord, ConversationReferences } from '../store/conversationReferences';
import { Profile, Profiles } from '../store/profiles';
import { RosterTarget, TeamRosters } from '../store/teamRosters';
import { AudienceFilter, channelRecipient, matchesAudience, reachesPeople } from './audienceFilter';

/** One person a message can reach: someone with an active personal chat with the bot, or on an installed team's roster. */
export interface Recipient {
  userId: string;
  profile?: Profile;
}

/** Which people may count: pulses pass `only` to keep identified people only. */
export interface AudienceOptions {
  only?: (chat: ConversationRecord) => boolean;
}

/** A roster member as the personal chat they will have once the first message opens it. */
function chatToBe(member: RosterTarget): ConversationRecord {
  return { userId: member.userId, aadObjectId: member.aadObjectId, tenantId: member.tenantId, channelId: 'msteams', scope: 'personal', serviceUrl: member.serviceUrl, conversationId: '', reference: {}, active: true, updatedAt: '' };
}

/**
 * Everyone the filter matches among the people the bot can reach: those with a personal chat and
 * the members of installed teams, whose chat is opened on first send (and, with `only`, whose chat passes it).
 */
export async function resolveAudience(
  filter: AudienceFilter,
  store: { conversations: Pick<ConversationReferences, 'activePersonalChats'>; profiles: Pick<Profiles, 'all'>; rosters?: Pick<TeamRosters, 'reachableMembers' | 'activeTeams'> },
  options: AudienceOptions = {},
): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  // One card per channel of a team the app is still installed in; other channels are left out.
  if (filter.channels && store.rosters) {
    const installed = new Set((await store.rosters.activeTeams()).map((t) => t.teamId));
    for (const c of filter.channels) if (installed.has(c.team)) recipients.push({ userId: channelRecipient(c.team, c.channel) });
  }
  if (!reachesPeople(filter)) return [...new Map(recipients.map((r) => [r.userId, r])).values()];
  const profiles = new Map((await store.profiles.all()).map((p) => [p.userId, p]));
  const seen = new Set<string>();
  const consider = (chat: ConversationRecord) => {
    if (seen.has(chat.userId) || (options.only && !options.only(chat))) return;
    seen.add(chat.userId);
    const profile = profiles.get(chat.userId);
    if (matchesAudience(filter, profile)) recipients.push({ userId: chat.userId, profile });
  };
  for (const chat of await store.conversations.activePersonalChats()) consider(chat);
  if (store.rosters) for (const member of await store.rosters.reachableMembers()) consider(chatToBe(member));
  return recipients;
}
