import { z } from 'zod';
import { COUNCILS } from '../../knowledge/entry';
import { COUNCIL_OPTIONS, isRole, isSector, labelOf, ROLES, SECTORS } from '../../knowledge/workforce';
import { Profile } from '../store/profiles';

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
  })
  .strict();

export type AudienceFilter = Partial<z.infer<typeof audienceFilterSchema>>;

/** True when the filter names nobody in particular, i.e. everyone who can be reached. */
export function isEveryone(filter: AudienceFilter): boolean {
  return !filter.sectors && !filter.roles && !filter.localities && !filter.teams && !filter.authorities;
}

const same = (a: string | undefined, values: string[] | undefined): boolean =>
  !values || (a !== undefined && values.some((v) => v.toLowerCase() === a.toLowerCase()));

/** Whether one person is in the audience; a filtered audience needs a profile to match against. */
export function matchesAudience(filter: AudienceFilter, profile: Profile | undefined): boolean {
  if (isEveryone(filter)) return true;
  if (!profile) return false;
  return (
    same(profile.sector, filter.sectors) &&
    same(profile.role, filter.roles) &&
    same(profile.locality, filter.localities) &&
    same(profile.team, filter.teams) &&
    same(profile.authority, filter.authorities)
  );
}

/** The audience in words, for previews and status cards ("Health; health visitors; Leicestershire"). */
export function describeAudience(filter: AudienceFilter): string {
  if (isEveryone(filter)) return 'Everyone';
  const parts = [
    filter.sectors?.map((s) => labelOf(SECTORS, s) ?? s).join(' or '),
    filter.roles?.map((r) => labelOf(ROLES, r) ?? r).join(' or '),
    filter.localities?.join(' or '),
    filter.teams?.join(' or '),
    filter.authorities?.map((a) => labelOf(COUNCIL_OPTIONS, a) ?? a).join(' or '),
  ].filter(Boolean);
  return parts.join('; ');
}
