/** Privileged roles: comms may author briefings and surveys and see results; admin may do all of that and more. */
export type Role = 'comms' | 'admin';

/**
 * Who someone is, as far as role checks need, from sources the bot can trust: an Entra ID object id
 * with the tenant it belongs to (a Teams activity, a Teams sign-in token), or a web chat user the
 * intranet vouched for with a token signed with WEBCHAT_TOKEN_SECRET. A user principal name or
 * `preferred_username` is never part of it: it can be reassigned and, in other tenants, chosen.
 */
export interface Identity {
  aadObjectId?: string;
  /** The Entra ID tenant the object id belongs to. */
  tenantId?: string;
  /** The stable subject (`sub`) of a verified web chat user token. */
  webChatSubject?: string;
  /** The email a verified web chat user token carried. */
  webChatEmail?: string;
}

/** The prefix of a configured entry naming a verified web chat user by their token's subject. */
export const WEBCHAT_ENTRY_PREFIX = 'webchat:';

export interface RoleSettings {
  commsUsers: string[];
  admins: string[];
  /** MicrosoftAppTenantId: object ids only match within it. */
  tenantId?: string;
  /**
   * Whether object ids need that tenant to match at all. True once Bot Framework credentials are
   * set (identities are verified, and other tenants can reach a multi-tenant bot); in local mode
   * nothing is verified anyway, so ids match without a tenant.
   */
  requireTenant: boolean;
}

/**
 * Decides roles from configuration (COMMS_USERS, ADMINS), on the server, for every privileged
 * action. Entries are Entra ID object ids (matched only within MicrosoftAppTenantId),
 * `webchat:<subject>` or an email address (matched only for a verified web chat user).
 */
export class RoleService {
  private readonly comms: Set<string>;
  private readonly admins: Set<string>;
  private readonly tenantId?: string;

  constructor(private readonly settings: RoleSettings) {
    this.comms = new Set(settings.commsUsers.map((u) => u.trim().toLowerCase()));
    this.admins = new Set(settings.admins.map((u) => u.trim().toLowerCase()));
    this.tenantId = settings.tenantId?.trim().toLowerCase() || undefined;
  }

  /** True when an entry (an owner named by the admin API) is listed in COMMS_USERS or ADMINS. */
  isRoleHolder(entry: string): boolean {
    const name = entry.trim().toLowerCase();
    return this.comms.has(name) || this.admins.has(name);
  }

  has(identity: Identity, role: Role): boolean {
    const names = this.namesOf(identity);
    const inList = (list: Set<string>) => names.some((n) => list.has(n));
    return role === 'admin' ? inList(this.admins) : inList(this.comms) || inList(this.admins);
  }

  /** What start-up should say about the configuration: roles that can never be granted, and why. */
  warnings(): string[] {
    const entries = [...this.comms, ...this.admins];
    const objectIds = entries.filter((e) => !e.startsWith(WEBCHAT_ENTRY_PREFIX) && !e.includes('@'));
    const out: string[] = [];
    if (objectIds.length && !this.tenantId && this.settings.requireTenant) {
      out.push(
        `COMMS_USERS/ADMINS list ${objectIds.length} Entra ID object id(s) but MicrosoftAppTenantId is not set, so none of those roles is granted (another organisation's tenant could otherwise match). Set MicrosoftAppTenantId to your organisation's tenant id.`,
      );
    }
    if (entries.some((e) => e.includes('@') && !e.startsWith(WEBCHAT_ENTRY_PREFIX))) {
      out.push('An email address in COMMS_USERS/ADMINS only matches a web chat user signed in by the intranet; in Teams, list people by Entra ID object id.');
    }
    return out;
  }

  /** The configured entries this identity may match. */
  private namesOf(identity: Identity): string[] {
    const names: string[] = [];
    if (identity.aadObjectId && this.tenantMatches(identity.tenantId)) names.push(identity.aadObjectId.trim().toLowerCase());
    if (identity.webChatSubject) names.push(`${WEBCHAT_ENTRY_PREFIX}${identity.webChatSubject.trim().toLowerCase()}`);
    if (identity.webChatEmail?.includes('@')) names.push(identity.webChatEmail.trim().toLowerCase());
    return names;
  }

  private tenantMatches(tenantId: string | undefined): boolean {
    if (this.tenantId) return tenantId?.trim().toLowerCase() === this.tenantId;
    return !this.settings.requireTenant;
  }
}
