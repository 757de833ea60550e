import { Kysely } from 'kysely';
import { conversationStateKey, userStateKey } from '../state/stateKeys';
import { ConversationRecord, ConversationReferences } from './conversationReferences';
import { Profile, Profiles } from './profiles';
import { DatabaseSchema } from './schema';
import { StateDocuments } from './stateDocuments';
import { Clock } from './timestamps';

/** Everything the bot holds about one person, as "export my data" returns it. */
export interface UserDataExport {
  userId: string;
  exportedAt: string;
  profile: Profile | null;
  conversations: Omit<ConversationRecord, 'reference'>[];
  state: Record<string, unknown>;
  note: string;
}

export interface ErasureResult {
  profile: boolean;
  conversations: number;
  stateDocuments: number;
}

const NOTE =
  'Anonymous records are not included because they cannot be linked to you: pulse survey answers, "Was this helpful?" votes and unanswered questions (which are stored without your id and with personal details removed).';

/** The state documents that belong to a user: their user state, and their personal chats' dialog state. */
function stateKeysOf(userId: string, conversations: ConversationRecord[]): string[] {
  const keys = new Set<string>();
  for (const c of conversations) {
    keys.add(userStateKey(c.channelId, userId));
    if (c.scope === 'personal' || c.scope === 'webchat') keys.add(conversationStateKey(c.channelId, c.conversationId));
  }
  return [...keys];
}

/** "Export my data" and "delete my data" across every table that holds personal data. */
export class UserData {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async export(userId: string): Promise<UserDataExport> {
    const profile = await new Profiles(this.db, this.now).get(userId);
    const conversations = await new ConversationReferences(this.db, this.now).forUser(userId);
    const documents = await new StateDocuments(this.db, this.now).read(stateKeysOf(userId, conversations));
    return {
      userId,
      exportedAt: this.now().toUTC().toISO() ?? '',
      profile: profile ?? null,
      conversations: conversations.map(({ reference: _reference, ...rest }) => rest),
      state: Object.fromEntries([...documents].map(([key, { document }]) => [key, document])),
      note: NOTE,
    };
  }

  /** Erases the profile, conversation references and state of a user, all or nothing. */
  async erase(userId: string): Promise<ErasureResult> {
    return this.db.transaction().execute(async (trx) => {
      const refs = new ConversationReferences(trx, this.now);
      const conversations = await refs.forUser(userId);
      const stateDocuments = await new StateDocuments(trx, this.now).delete(stateKeysOf(userId, conversations));
      const profile = await new Profiles(trx, this.now).delete(userId);
      const removed = await refs.deleteForUser(userId);
      return { profile, conversations: removed, stateDocuments };
    });
  }
}
