import { Kysely } from 'kysely';
import { conversationStateKey, userStateKey } from '../state/stateKeys';
import { ConversationRecord, ConversationReferences } from './conversationReferences';
import { flushErasureToDisk } from './diskErasure';
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
  /** Training sessions they asked to be reminded about. */
  trainingReminders: { sessionId: string; courseId: string; status: string; createdAt: string }[];
  /** Messages the bot queued or sent them (briefings, pulse invitations, reminders) and what became of each. */
  deliveries: { messageId: string; kind: string; status: string; sentAt?: string; acknowledgedAt?: string }[];
  /** What the organisation's directory (Microsoft Graph or an HR import) says about them, and the targeting it maps to. */
  directory?: Record<string, string | number | null>[];
  note: string;
}

export interface ErasureResult {
  profile: boolean;
  conversations: number;
  stateDocuments: number;
  trainingReminders: number;
  deliveries: number;
}

const NOTE =
  'Anonymous records are not included because they cannot be linked to you: pulse survey answers, "Was this helpful?" votes and unanswered questions (which are stored without your id and with personal details removed). Whether you answered a pulse is kept only as a one-way code that stops a second answer; it can no longer be matched to anyone 30 days after the pulse closes.';

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
    const reminders = await this.db.selectFrom('training_reminders').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    const deliveries = await this.db.selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    const objectIds = [...new Set([profile?.aadObjectId, ...conversations.map((c) => c.aadObjectId)].filter((id): id is string => !!id))];
    const directory = objectIds.length ? await this.db.selectFrom('directory_people').selectAll().where('aad_object_id', 'in', objectIds).execute() : [];
    return {
      userId,
      exportedAt: this.now().toUTC().toISO() ?? '',
      profile: profile ?? null,
      conversations: conversations.map(({ reference: _reference, ...rest }) => rest),
      state: Object.fromEntries([...documents].map(([key, { document }]) => [key, document])),
      trainingReminders: reminders.map((r) => ({ sessionId: r.session_id, courseId: r.course_id, status: r.status, createdAt: r.created_at })),
      deliveries: deliveries.map((d) => ({
        messageId: d.message_id,
        kind: d.kind,
        status: d.status,
        sentAt: d.sent_at ?? undefined,
        acknowledgedAt: d.acknowledged_at ?? undefined,
      })),
      directory: directory.map(({ person_id: _id, seen_at: _seen, ...rest }) => rest),
      note: NOTE,
    };
  }

  /**
   * Erases the profile, conversation references, state, reminder requests and delivery records of a
   * user, all or nothing; their queued messages go with them, so nothing more is sent.
   */
  async erase(userId: string): Promise<ErasureResult> {
    const result = await this.db.transaction().execute(async (trx) => {
      const refs = new ConversationReferences(trx, this.now);
      const conversations = await refs.forUser(userId);
      const stateDocuments = await new StateDocuments(trx, this.now).delete(stateKeysOf(userId, conversations));
      const profile = await new Profiles(trx, this.now).delete(userId);
      const removed = await refs.deleteForUser(userId);
      const reminders = await trx.deleteFrom('training_reminders').where('user_id', '=', userId).executeTakeFirst();
      const deliveries = await trx.deleteFrom('outbox').where('user_id', '=', userId).executeTakeFirst();
      // Their place on team rosters goes too; the next full read of a team they are still in lists them again.
      await trx.deleteFrom('roster_members').where('user_id', '=', userId).execute();
      return {
        profile,
        conversations: removed,
        stateDocuments,
        trainingReminders: Number(reminders.numDeletedRows),
        deliveries: Number(deliveries.numDeletedRows),
      };
    });
    await flushErasureToDisk(this.db);
    return result;
  }
}
