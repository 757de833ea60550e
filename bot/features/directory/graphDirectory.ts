import { GraphClient } from './graphClient';
import { DirectoryPersonInput } from './directoryStore';

/** A user as Graph lists them with the fields the directory reads. */
interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  companyName?: string | null;
  accountEnabled?: boolean | null;
}

/** The user fields read from Graph: enough to reach and target people, nothing more. */
export const USER_FIELDS = 'id,displayName,mail,department,jobTitle,officeLocation,companyName';
/** The largest page Graph gives for users and members. */
const PAGE = 999;

function toPerson(u: GraphUser): DirectoryPersonInput {
  return {
    source: 'graph',
    aadObjectId: u.id,
    email: u.mail ?? undefined,
    displayName: u.displayName ?? undefined,
    attributes: { department: u.department, jobTitle: u.jobTitle, officeLocation: u.officeLocation, companyName: u.companyName },
    // Only group reads ask for accountEnabled (the users list is filtered on it already).
    enabled: u.accountEnabled !== false,
  };
}

/** A group's display name (GET /groups/{id}?$select=id,displayName), or undefined when Graph gives none. */
export async function groupName(client: GraphClient, groupId: string): Promise<string | undefined> {
  const group = await client.call<{ displayName?: string | null }>('GET', `groups/${encodeURIComponent(groupId)}?$select=id,displayName`);
  return typeof group?.displayName === 'string' && group.displayName.trim() ? group.displayName.trim() : undefined;
}

/** Every enabled user in the tenant, a page at a time. */
export async function* enabledUsers(client: GraphClient, pageSize = PAGE): AsyncGenerator<DirectoryPersonInput[]> {
  const query = new URLSearchParams({ $filter: 'accountEnabled eq true', $select: USER_FIELDS, $top: String(pageSize) });
  for await (const page of client.pages<GraphUser>(`users?${query.toString()}`)) yield page.filter((u) => u.id).map(toPerson);
}

/**
 * Every user in a group, including through nested groups (transitive members cast to users, so
 * devices, contacts and the groups themselves are left out), a page at a time.
 */
export async function* groupUsers(client: GraphClient, groupId: string, pageSize = PAGE): AsyncGenerator<DirectoryPersonInput[]> {
  // Groups list disabled accounts too: accountEnabled is read so they stay out of audiences.
  const query = new URLSearchParams({ $select: `${USER_FIELDS},accountEnabled`, $top: String(pageSize) });
  // The OData cast is an advanced query: Graph wants ConsistencyLevel: eventual for it.
  const pages = client.pages<GraphUser>(`groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?${query.toString()}`, {
    consistencylevel: 'eventual',
  });
  for await (const page of pages) yield page.filter((u) => u.id).map(toPerson);
}
