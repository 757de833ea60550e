import type { DirectoryStore } from '../directory/directoryStore';
import { ConversationReferences } from '../../platform/store/conversationReferences';
import { Profile, Profiles } from '../../platform/store/profiles';
import { TeamRosters } from '../../platform/store/teamRosters';
import { AudienceFilter, matchesAudience, Targeted } from './audienceFilter';
import { effectiveTargeting } from './effectiveTargeting';

/** What one reader is matched on: the same targeting and Entra groups fan-out uses for them. */
export interface Reader {
  targeting?: Targeted;
  /** The Entra groups (as last synced) the reader is in. */
  groups: readonly string[];
}

/** Where a reader's directory identity and targeting are found. */
export interface ReaderSources {
  profiles: Pick<Profiles, 'get'>;
  conversations: Pick<ConversationReferences, 'personalChat'>;
  rosters?: Pick<TeamRosters, 'targetsOf'>;
  directory?: Pick<DirectoryStore, 'person' | 'groupsOfPerson'>;
  /** The directory object id of a verified web chat user (from their intranet token). */
  webObjectId?: (userId: string) => string | undefined;
}

/** The reader's directory object id: from their chat, a team roster, their verified web chat token, or an "aad:" recipient id. */
async function objectIdOf(userId: string, sources: ReaderSources): Promise<string | undefined> {
  const chat = await sources.conversations.personalChat(userId);
  if (chat?.aadObjectId) return chat.aadObjectId;
  const roster = sources.rosters ? (await sources.rosters.targetsOf([userId])).get(userId) : undefined;
  if (roster?.aadObjectId) return roster.aadObjectId;
  return sources.webObjectId?.(userId) ?? (userId.startsWith('aad:') ? userId.slice(4) : undefined);
}

/**
 * Works out how a reader is targeted, as resolveAudience does for fan-out: the directory's mapped
 * attributes (when they are an enabled person in it), their own settings where it says nothing,
 * and the Entra groups they are in. Without a directory it is their own settings alone.
 */
export function readerResolver(sources: ReaderSources): (userId: string, profile?: Profile) => Promise<Reader> {
  return async (userId, given) => {
    const profile = given ?? (await sources.profiles.get(userId));
    const aad = sources.directory ? await objectIdOf(userId, sources) : undefined;
    const person = aad ? await sources.directory!.person(`aad:${aad}`) : undefined;
    const known = person?.enabled ? person : undefined;
    return { targeting: effectiveTargeting(known, profile), groups: known && aad ? await sources.directory!.groupsOfPerson(aad) : [] };
  };
}

/** Whether a reader is in an audience (the check "latest briefings" and card buttons make). */
export const readerMatches = (filter: AudienceFilter, reader: Reader): boolean => matchesAudience(filter, reader.targeting, reader.groups);
