import { ConversationRecord, ConversationReferences } from '../store/conversationReferences';
import { Profile, Profiles } from '../store/profiles';
import { AudienceFilter, matchesAudience } from './audienceFilter';

/** One person a message can reach: someone with an active personal chat with the bot. */
export interface Recipient {
  userId: string;
  profile?: Profile;
}

/** Which personal chats may count: pulses pass `only` to keep identified people only. */
export interface AudienceOptions {
  only?: (chat: ConversationRecord) => boolean;
}

/** Everyone the filter matches among the people the bot can reach in a personal chat (and, with `only`, whose chat passes it). */
export async function resolveAudience(
  filter: AudienceFilter,
  store: { conversations: Pick<ConversationReferences, 'activePersonalChats'>; profiles: Pick<Profiles, 'all'> },
  options: AudienceOptions = {},
): Promise<Recipient[]> {
  const profiles = new Map((await store.profiles.all()).map((p) => [p.userId, p]));
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const chat of await store.conversations.activePersonalChats()) {
    if (seen.has(chat.userId) || (options.only && !options.only(chat))) continue;
    seen.add(chat.userId);
    const profile = profiles.get(chat.userId);
    if (matchesAudience(filter, profile)) recipients.push({ userId: chat.userId, profile });
  }
  return recipients;
}
