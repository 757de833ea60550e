import type { AppInstall, DirectoryPerson, DirectoryStore } from '../directory/directoryStore';
import { INSTALL_RETRY_WORDS } from '../directory/installRetry';
import { ConversationRecord, ConversationReferences } from '../../platform/store/conversationReferences';
import { Profile, Profiles } from '../../platform/store/profiles';
import { RosterTarget, TeamRosters } from '../../platform/store/teamRosters';
import { AudienceFilter, matchesAudience, reachesPeople, Targeted } from './audienceFilter';
import { channelRecipient } from '../../platform/delivery/channelRecipient';
import { effectiveTargeting } from './effectiveTargeting';

/**
 * How a recipient can be reached: `chat` has a conversation with the bot; `roster` is on an
 * installed team's roster, so a chat is opened on first send; `install` is in the directory without
 * the app, which the directory sync installs proactively; `none` cannot be reached, for `reason`.
 */
export type Reach = { via: 'chat' } | { via: 'roster' } | { via: 'install' } | { via: 'none'; reason: string };

/** One person (or team channel) a message is for, with how they can be reached. */
export interface Recipient {
  userId: string;
  profile?: Profile;
  /** How the recipient can be reached (always set by resolveAudience). */
  reach?: Reach;
  /** The targeting they were matched on: the directory's, with their own settings where it says nothing. */
  targeting?: Targeted;
}

/** Which people may count: pulses pass `only` to keep identified people only. */
export interface AudienceOptions {
  only?: (chat: ConversationRecord) => boolean;
  /** Also return the people who cannot be reached now (needing the app, or not reachable), for counts. */
  includeUnreachable?: boolean;
  /** Also return directory people the delivery engine installs the personal app for on their first send. */
  installAtSend?: boolean;
}

/** Where the directory comes in: people and group members from Graph or HR imports, and installs. */
export interface AudienceDirectory {
  people: Pick<DirectoryStore, 'enabledPeople' | 'membersOf' | 'installs'>;
  /** Whether the app can be installed proactively (Graph and a catalogue app id are set). */
  canInstall: boolean;
  /** The tenant Graph reads (its people's chats will be in it), so `only` can judge people who have no chat yet. */
  tenantId?: string;
}

export interface AudienceStore {
  conversations: Pick<ConversationReferences, 'activePersonalChats'>;
  profiles: Pick<Profiles, 'all'>;
  rosters?: Pick<TeamRosters, 'reachableMembers' | 'channels'>;
  directory?: AudienceDirectory;
}

/** A roster member as the personal chat they will have once the first message opens it. */
function chatToBe(member: RosterTarget): ConversationRecord {
  return {
    userId: member.userId,
    aadObjectId: member.aadObjectId,
    tenantId: member.tenantId,
    channelId: 'msteams',
    scope: 'personal',
    serviceUrl: member.serviceUrl,
    conversationId: '',
    reference: {},
    active: true,
    updatedAt: '',
  };
}

/** A directory person as the personal chat installing the app will open, so `only` judges them as it will judge that chat. */
function directoryChatToBe(person: DirectoryPerson, directory: AudienceDirectory): ConversationRecord {
  return {
    userId: person.personId,
    aadObjectId: person.aadObjectId,
    // Partner staff from an HR import are not in the tenant Graph reads.
    tenantId: person.source === 'graph' ? directory.tenantId : undefined,
    channelId: 'msteams',
    scope: 'personal',
    serviceUrl: '',
    conversationId: '',
    reference: {},
    active: true,
    updatedAt: '',
  };
}

/** Why a directory person with no chat and no roster entry cannot be reached yet. */
function directoryReach(
  person: DirectoryPerson,
  directory: AudienceDirectory,
  install: Pick<AppInstall, 'status' | 'problem' | 'httpStatus' | 'retryDue'> | undefined,
): Reach {
  if (person.source === 'hr') return { via: 'none', reason: 'partner staff (HR import) who have not opened a chat with the bot' };
  if (!directory.canInstall) return { via: 'none', reason: 'no personal app, and proactive installation is off (GRAPH_TEAMS_APP_ID)' };
  // An outage or throttling (no status, 429, 5xx) is tried again on the next send; a refusal only once its backoff has passed.
  const transient = install?.httpStatus === undefined || install.httpStatus === 429 || install.httpStatus >= 500;
  if (install?.status === 'failed' && !transient && !install.retryDue) {
    if (install.httpStatus === 403)
      return {
        via: 'none',
        reason: `installing the app was refused (403): consent missing for TeamsAppInstallation.ReadWriteSelfForUser.All, or the app is blocked; ${INSTALL_RETRY_WORDS}`,
      };
    return { via: 'none', reason: `installing the app failed; ${INSTALL_RETRY_WORDS}` };
  }
  if (install?.status === 'no-chat') return { via: 'none', reason: 'app installed but its chat could not be read yet' };
  return { via: 'install' };
}

/**
 * Everyone the filter matches among the people the bot can reach: those with a personal chat and
 * the members of installed teams, whose chat is opened on first send (and, with `only`, whose chat
 * passes it); with `installAtSend`, also directory people the app is installed for on first send
 * (judged by `only` as the chat it will open). With a directory, people are matched on their
 * directory targeting (their own settings fill what it leaves out), Entra groups narrow the
 * audience, and with `includeUnreachable` the directory's people who cannot be reached yet come
 * back too, each saying why.
 */
export async function resolveAudience(filter: AudienceFilter, store: AudienceStore, options: AudienceOptions = {}): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  // One card per known channel (General, or one read from the team) of a team the app is still installed in; other channels are left out.
  if (filter.channels && store.rosters) {
    const known = new Set((await store.rosters.channels()).map((c) => `${c.teamId}|${c.channelId}`));
    for (const c of filter.channels)
      if (known.has(`${c.team}|${c.channel ?? c.team}`)) recipients.push({ userId: channelRecipient(c.team, c.channel), reach: { via: 'chat' } });
  }
  if (!reachesPeople(filter)) return [...new Map(recipients.map((r) => [r.userId, r])).values()];
  const profiles = new Map((await store.profiles.all()).map((p) => [p.userId, p]));
  const directory = store.directory;
  const people = directory ? await directory.people.enabledPeople() : [];
  const byAad = new Map(people.filter((p) => p.aadObjectId).map((p) => [p.aadObjectId!, p]));
  const members = filter.groups && directory ? await directory.people.membersOf(filter.groups) : new Set<string>();
  const groupsOf = (aad: string | undefined) => (filter.groups && aad && members.has(aad) ? filter.groups : []);
  const seenUsers = new Set<string>();
  const seenPeople = new Set<string>();
  const consider = (chat: ConversationRecord, reach: Reach) => {
    // One person once, whether known by a Teams id, a chat opened by installing the app, or the directory.
    const personKey = chat.aadObjectId ? `aad:${chat.aadObjectId}` : undefined;
    if (seenUsers.has(chat.userId) || (personKey && seenPeople.has(personKey)) || (options.only && !options.only(chat))) return;
    seenUsers.add(chat.userId);
    if (personKey) seenPeople.add(personKey);
    const profile = profiles.get(chat.userId);
    const targeting = effectiveTargeting(chat.aadObjectId ? byAad.get(chat.aadObjectId) : undefined, profile);
    if (matchesAudience(filter, targeting, groupsOf(chat.aadObjectId))) recipients.push({ userId: chat.userId, profile, reach, targeting });
  };
  const chats = await store.conversations.activePersonalChats();
  // Chats people opened themselves come before chats opened by installing the app, so their Teams id is used.
  for (const chat of chats.filter((c) => !c.userId.startsWith('aad:'))) consider(chat, { via: 'chat' });
  for (const chat of chats.filter((c) => c.userId.startsWith('aad:'))) consider(chat, { via: 'chat' });
  if (store.rosters) for (const member of await store.rosters.reachableMembers()) consider(chatToBe(member), { via: 'roster' });
  if (directory && (options.includeUnreachable || (options.installAtSend && directory.canInstall))) {
    const installs = await directory.people.installs();
    for (const person of people) {
      if (seenPeople.has(person.personId) || seenUsers.has(person.personId)) continue;
      seenPeople.add(person.personId);
      if (options.only && !options.only(directoryChatToBe(person, directory))) continue;
      const targeting = effectiveTargeting(person, undefined);
      const reach = directoryReach(person, directory, person.aadObjectId ? installs.get(person.aadObjectId) : undefined);
      if (!options.includeUnreachable && reach.via !== 'install') continue;
      if (matchesAudience(filter, targeting, groupsOf(person.aadObjectId))) recipients.push({ userId: person.personId, reach, targeting });
    }
  }
  return recipients;
}

/** An audience counted the way the authoring form shows it. */
export interface AudienceCount {
  /** Everyone the audience names (people and team channels). */
  inAudience: number;
  /** Reachable now: a chat, a team channel, or a roster the chat is opened from. */
  reachableNow: number;
  /** In the directory without the personal app; the directory sync installs it. */
  needsInstall: number;
  notReachable: number;
  /** Why people are not reachable, with how many for each reason. */
  reasons: Record<string, number>;
}

/** Counts recipients resolved with `includeUnreachable` by how they can be reached. */
export function countAudience(recipients: Recipient[]): AudienceCount {
  const count: AudienceCount = { inAudience: recipients.length, reachableNow: 0, needsInstall: 0, notReachable: 0, reasons: {} };
  for (const r of recipients) {
    const reach = r.reach ?? { via: 'chat' };
    if (reach.via === 'install') count.needsInstall++;
    else if (reach.via === 'none') {
      count.notReachable++;
      count.reasons[reach.reason] = (count.reasons[reach.reason] ?? 0) + 1;
    } else count.reachableNow++;
  }
  return count;
}

/** Only the recipients who can be sent to now, without installing the app first. */
export const reachableNow = (recipients: Recipient[]): Recipient[] => recipients.filter((r) => !r.reach || r.reach.via === 'chat' || r.reach.via === 'roster');
