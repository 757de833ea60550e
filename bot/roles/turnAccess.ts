import { TeamsInfo, TurnContext } from 'botbuilder';
import { Identity, Role, RoleService } from './roleService';

/** Where a turn keeps the sender's looked-up identity, so a second role check in the turn asks Teams nothing. */
const LOOKED_UP = Symbol('turnAccess.identity');

/** Checks a turn's sender against the configured roles, looking up their Teams sign-in name only when needed. */
export class TurnAccess {
  constructor(private readonly roles: RoleService) {}

  async hasRole(context: TurnContext, role: Role): Promise<boolean> {
    const quick = this.baseIdentity(context);
    if (this.roles.has(quick, role)) return true;
    if (!this.roles.needsPrincipalNames) return false;
    return this.roles.has(await this.withPrincipalName(context, quick), role);
  }

  /** What the activity itself says about the sender (Teams AAD id; web chat's signed-in email). */
  private baseIdentity(context: TurnContext): Identity {
    const from = context.activity.from as { aadObjectId?: string; properties?: { email?: unknown } } | undefined;
    const email = typeof from?.properties?.email === 'string' ? from.properties.email : undefined;
    return { aadObjectId: from?.aadObjectId, email };
  }

  /** Asks Teams for the sender's user principal name, once a turn; outside Teams there is nothing to ask. */
  private async withPrincipalName(context: TurnContext, identity: Identity): Promise<Identity> {
    if (context.activity.channelId !== 'msteams' || !context.activity.from?.id) return identity;
    const known = context.turnState.get(LOOKED_UP) as Identity | undefined;
    if (known) return known;
    let found = identity;
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      found = { ...identity, userPrincipalName: member.userPrincipalName, email: member.email ?? identity.email };
    } catch {
      // A failed lookup grants nothing: the check falls back to what the activity said.
    }
    context.turnState.set(LOOKED_UP, found);
    return found;
  }
}
