/** Privileged roles: comms may author briefings and surveys and see results; admin may do all of that and more. */
export type Role = 'comms' | 'admin';

/** Who someone is, as far as role checks need: any of these may match a configured entry. */
export interface Identity {
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
}

/**
 * Decides roles from configuration (COMMS_USERS, ADMINS: AAD object ids or user principal names),
 * on the server, for every privileged action.
 */
export class RoleService {
  private readonly comms: Set<string>;
  private readonly admins: Set<string>;
  /** True when any configured entry names a user principal name, so a lookup may be worth making. */
  readonly needsPrincipalNames: boolean;

  constructor(config: { commsUsers: string[]; admins: string[] }) {
    this.comms = new Set(config.commsUsers.map((u) => u.toLowerCase()));
    this.admins = new Set(config.admins.map((u) => u.toLowerCase()));
    this.needsPrincipalNames = [...this.comms, ...this.admins].some((u) => u.includes('@'));
  }

  /** True when an entry (an owner named by the admin API) is listed in COMMS_USERS or ADMINS. */
  isRoleHolder(entry: string): boolean {
    const name = entry.trim().toLowerCase();
    return this.comms.has(name) || this.admins.has(name);
  }

  has(identity: Identity, role: Role): boolean {
    const names = [identity.aadObjectId, identity.userPrincipalName, identity.email].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
    const inList = (list: Set<string>) => names.some((n) => list.has(n));
    return role === 'admin' ? inList(this.admins) : inList(this.comms) || inList(this.admins);
  }
}
