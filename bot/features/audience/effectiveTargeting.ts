import type { DirectoryPerson } from '../directory/directoryStore';
import { Profile } from '../../platform/store/profiles';
import { Targeted } from './audienceFilter';

const FIELDS = ['sector', 'role', 'locality', 'team', 'authority'] as const;

/**
 * The targeting a person is matched on: what the organisation's directory says (mapped by the
 * comms team's file), and the person's own "my settings" for each field the directory leaves
 * empty. Undefined when neither says anything.
 */
export function effectiveTargeting(person: Pick<DirectoryPerson, 'targeting'> | undefined, profile: Profile | undefined): Targeted | undefined {
  if (!person && !profile) return undefined;
  const out: Targeted = {};
  for (const f of FIELDS) {
    const value = person?.targeting[f] ?? profile?.[f];
    if (value) out[f] = value;
  }
  return out;
}
