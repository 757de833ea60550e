import { z } from 'zod';
import { COUNCILS } from '../../../knowledge/entry';
import { COUNCIL_OPTIONS, isRole, isSector, labelOf, ROLES, SECTORS } from '../../../knowledge/workforce';
import { Profile } from '../../platform/store/profiles';

/** An Entra object id (a GUID). */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const list = (check?: (v: string) => boolean, message?: string) =>
  z
    .array(z.string().trim().min(1).max(80))
    .max(50)
    .optional()
    .transform((v) => (v && v.length ? [...new Set(v)] : undefined))
    .refine((v) => !v || !check || v.every(check), { message: message ?? 'unknown value' });

/**
 * Who a briefing or survey is for: everyone, or the staff whose profile matches every filter
 * given (any of the values within one filter).
 */
export const audienceFilterSchema = z
  .object({
    everyone: z.boolean().optional(),
    sectors: list(isSector, 'unknown sector'),
    roles: list(isRole, 'unknown role'),
    localities: list(),
    teams: list(),
    authorities: list((v) => (COUNCILS as string[]).includes(v), 'unknown council'),
    /** Entra groups (object ids): their transitive members, as last read from Microsoft Graph. */
    groups: list((v) => ENTRA_ID.test(v), 'not an Entra group id (a GUID such as 0b4f3a4e-…)').transform((v) =>
      v ? [...new Set(v.map((g) => g.toLowerCase()))] : undefined,
    ),
    /** Team channels that get one card each: a team's id (its General channel), or a chosen channel's id with its team's. */
    channels: z
      .array(z.object({ team: z.string().trim().min(1).max(256), channel: z.string().trim().min(1).max(256).optional() }).strict())
      .max(50)
      .optional()
      .transform((v) => (v && v.length ? v : undefined)),
  })
  .strict();

export type AudienceFilter = Partial<z.infer<typeof audienceFilterSchema>>;

/** True when the filter names nobody in particular, i.e. everyone who can be reached. */
export function isEveryone(filter: AudienceFilter): boolean {
  return !filter.sectors && !filter.roles && !filter.localities && !filter.teams && !filter.authorities && !filter.groups;
}

const same = (a: string | undefined, values: string[] | undefined): boolean =>
  !values || (a !== undefined && values.some((v) => v.toLowerCase() === a.toLowerCase()));

/**
 * Whether personal copies go to people: yes unless the audience names only channels (then each
 * channel gets one card, and people who press "Got it" there are counted one by one).
 */
export function reachesPeople(filter: AudienceFilter): boolean {
  return !filter.channels?.length || filter.everyone === true || !isEveryone(filter);
}

/** Whether an activity came from one of the audience's channels (a "Got it" pressed on a channel card). */
export function fromAudienceChannel(filter: AudienceFilter, activity: { conversation?: { id?: string }; channelData?: unknown }): boolean {
  const conversation = activity.conversation?.id?.split(';messageid=')[0];
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return !!conversation && (filter.channels ?? []).some((c) => c.team === team && (c.channel ?? c.team) === conversation);
}

/** The targeting a profile is matched on (a self-declared profile, or one merged with the directory's). */
export type Targeted = Pick<Profile, 'sector' | 'role' | 'locality' | 'team' | 'authority'>;

/**
 * Whether one person is in the audience; a filtered audience needs a profile to match against, and
 * an audience of Entra groups needs the groups (of those named) the person is in.
 */
export function matchesAudience(filter: AudienceFilter, profile: Targeted | undefined, groups?: readonly string[]): boolean {
  // A briefing only for channels is read there, not by everyone from "latest briefings".
  if (!reachesPeople(filter)) return false;
  if (filter.groups && !filter.groups.some((g) => groups?.includes(g))) return false;
  if (isEveryone(filter)) return true;
  if (!profile && !filter.sectors && !filter.roles && !filter.localities && !filter.teams && !filter.authorities) return true;
  if (!profile) return false;
  return (
    same(profile.sector, filter.sectors) &&
    same(profile.role, filter.roles) &&
    same(profile.locality, filter.localities) &&
    same(profile.team, filter.teams) &&
    same(profile.authority, filter.authorities)
  );
}

/** Names to describe an audience with: Entra groups by id, and channels by "<team>|<channel>" (as channelRecipient without its prefix). */
export interface AudienceNames {
  groups?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
}

/** The audience in words, for previews and status cards ("Health; health visitors; Leicestershire"); with names, groups and channels are named. */
export function describeAudience(filter: AudienceFilter, names: AudienceNames = {}): string {
  const channelNames = filter.channels?.map((c) => names.channels?.get(`${c.team}|${c.channel ?? c.team}`));
  const channels = !filter.channels?.length
    ? undefined
    : channelNames?.every((n) => n)
      ? `the channel${channelNames.length === 1 ? '' : 's'} ${channelNames.join(' and ')}`
      : `${filter.channels.length} team channel${filter.channels.length === 1 ? '' : 's'}`;
  if (channels && !reachesPeople(filter)) return channels;
  if (channels) return `${describePeople(filter, names)}; and ${channels}`;
  return describePeople(filter, names);
}

function describeGroups(groups: string[] | undefined, names: AudienceNames): string | undefined {
  if (!groups?.length) return undefined;
  const named = groups.map((g) => names.groups?.get(g));
  if (named.every((n) => n)) return `members of ${named.join(' or ')}`;
  return `members of ${groups.length} Entra group${groups.length === 1 ? '' : 's'}`;
}

function describePeople(filter: AudienceFilter, names: AudienceNames): string {
  if (isEveryone(filter)) return 'Everyone';
  const groups = describeGroups(filter.groups, names);
  const parts = [
    groups,
    filter.sectors?.map((s) => labelOf(SECTORS, s) ?? s).join(' or '),
    filter.roles?.map((r) => labelOf(ROLES, r) ?? r).join(' or '),
    filter.localities?.join(' or '),
    filter.teams?.join(' or '),
    filter.authorities?.map((a) => labelOf(COUNCIL_OPTIONS, a) ?? a).join(' or '),
  ].filter(Boolean);
  return parts.join('; ');
}
