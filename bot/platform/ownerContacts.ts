/**
 * Who to tell about an entry, by its `owner`: CONTENT_OWNERS lists each owner (the name written in
 * the entries, any case) with the people behind it, by Entra ID object id or email address:
 * `Integrated Working Team=3f2a…,jo.bloggs@council.gov.uk;Workforce Development=…`.
 */
export type OwnerContacts = ReadonlyMap<string, readonly string[]>;

/** The key an owner name is looked up by: trimmed, lower case, single spaces. */
export const ownerKey = (owner: string): string => owner.trim().replace(/\s+/g, ' ').toLowerCase();

/** Parses CONTENT_OWNERS; throws with the part that is wrong, so start-up fails on a bad value. */
export function parseOwnerContacts(value: string | undefined): OwnerContacts {
  const out = new Map<string, string[]>();
  for (const part of (value ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const equals = part.indexOf('=');
    const owner = equals > 0 ? ownerKey(part.slice(0, equals)) : '';
    const people =
      equals > 0
        ? part
            .slice(equals + 1)
            .split(',')
            .map((p) => p.trim().toLowerCase())
            .filter(Boolean)
        : [];
    if (!owner || !people.length) throw new Error(`CONTENT_OWNERS: "${part}" must be "Owner name=object-id-or-email,…"`);
    const bad = people.find((p) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(p) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p));
    if (bad) throw new Error(`CONTENT_OWNERS: "${bad}" (for ${owner}) is neither an Entra ID object id nor an email address`);
    out.set(owner, [...(out.get(owner) ?? []), ...people]);
  }
  return out;
}
