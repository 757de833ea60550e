import { TurnContext } from 'botbuilder';
import { VERIFIED_USER_PREFIX } from '../../bot/platform/webChatUserIds';
import { Identity, Role, RoleService } from '../../bot/features/roles/roleService';

/** Web chat channel ids: the built-in Direct Line endpoint and Azure Direct Line. */
const WEB_CHAT_CHANNELS = new Set(['webchat', 'directline']);

/**
 * Checks a turn's sender against the configured roles, from what the activity says and nothing a
 * client could choose: in Teams the sender's object id and the conversation's tenant; in web chat
 * the subject of a verified user (an id only a signed intranet token yields) and the email that
 * token carried. Called at every privileged step, so a role removed takes effect on the next one.
 */
export class TurnAccess {
  constructor(
    private readonly roles: RoleService,
    /** The email of a verified web chat user, from their signed token (not from the activity, which a client writes). */
    private readonly webChatEmailOf: (userId: string) => string | undefined = () => undefined,
    /**
     * Local mode (no Bot Framework credentials): nothing is verified, so a web chat activity's object
     * id is read as in Teams, for local testing. With credentials it never is: through Azure Direct
     * Line the client writes `from` and `channelData` itself.
     */
    private readonly localMode = false,
  ) {}

  async hasRole(context: TurnContext, role: Role): Promise<boolean> {
    return this.roles.has(this.identityOf(context), role);
  }

  /** Who the sender is, for role checks. */
  identityOf(context: TurnContext): Identity {
    const { activity } = context;
    const fromId = activity.from?.id ?? '';
    if (WEB_CHAT_CHANNELS.has(activity.channelId)) {
      const local = this.localMode ? this.teamsIdentity(context) : {};
      if (!fromId.startsWith(VERIFIED_USER_PREFIX)) return local;
      return { ...local, webChatSubject: fromId.slice(VERIFIED_USER_PREFIX.length), webChatEmail: this.webChatEmailOf(fromId) };
    }
    return this.teamsIdentity(context);
  }

  /** The sender's object id and the conversation's tenant, as Teams sends them. */
  private teamsIdentity(context: TurnContext): Identity {
    const { activity } = context;
    const tenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
    return {
      aadObjectId: activity.from?.aadObjectId,
      tenantId: activity.conversation?.tenantId ?? (typeof tenant === 'string' ? tenant : undefined),
    };
  }
}
