import { Kysely } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** Where and how the bot can reach one user in one conversation. */
export interface ConversationRecord {
  userId: string;
  conversationId: string;
  aadObjectId?: string;
  tenantId?: string;
  channelId: string;
  /** personal, channel or groupChat. */
  scope: string;
  serviceUrl: string;
  /** The Bot Framework conversation reference, as JSON-ready data. */
  reference: Record<string, unknown>;
  active: boolean;
  updatedAt: string;
}

export type ConversationUpsert = Omit<ConversationRecord, 'active' | 'updatedAt'>;

type Row = DatabaseSchema['conversation_refs'];

function toRecord(row: Omit<Row, 'id'> & { id?: unknown }): ConversationRecord {
  return {
    userId: row.user_id,
    conversationId: row.conversation_id,
    aadObjectId: row.aad_object_id ?? undefined,
    tenantId: row.tenant_id ?? undefined,
    channelId: row.channel_id,
    scope: row.scope,
    serviceUrl: row.service_url,
    reference: JSON.parse(row.reference) as Record<string, unknown>,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

/** Conversation references, saved on every activity so proactive messages can reach people. */
export class ConversationReferences {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /** Saves or refreshes a reference and marks it active again. */
  async upsert(record: ConversationUpsert): Promise<void> {
    const at = stamp(this.now());
    const values = {
      aad_object_id: record.aadObjectId ?? null,
      tenant_id: record.tenantId ?? null,
      channel_id: record.channelId,
      scope: record.scope,
      service_url: record.serviceUrl,
      reference: JSON.stringify(record.reference),
      active: 1,
      updated_at: at,
    };
    await this.db
      .insertInto('conversation_refs')
      .values({ user_id: record.userId, conversation_id: record.conversationId, created_at: at, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'conversation_id']).doUpdateSet(values))
      .execute();
  }

  /** Marks every reference in a conversation inactive (the bot was removed from it). */
  async deactivateConversation(conversationId: string): Promise<number> {
    const result = await this.db
      .updateTable('conversation_refs')
      .set({ active: 0, updated_at: stamp(this.now()) })
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Marks one user's reference inactive (they blocked or removed the bot). */
  async deactivate(userId: string, conversationId: string): Promise<void> {
    await this.db
      .updateTable('conversation_refs')
      .set({ active: 0, updated_at: stamp(this.now()) })
      .where('user_id', '=', userId)
      .where('conversation_id', '=', conversationId)
      .execute();
  }

  /** The user's personal chat with the bot, if it is still active. */
  async personalChat(userId: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversation_refs')
      .selectAll()
      .where('user_id', '=', userId)
      .where('scope', '=', 'personal')
      .where('active', '=', 1)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** The active personal chats of many users at once, the newest for each. */
  async personalChats(userIds: string[]): Promise<Map<string, ConversationRecord>> {
    const out = new Map<string, ConversationRecord>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('conversation_refs')
        .selectAll()
        .where('user_id', 'in', unique.slice(i, i + 500))
        .where('scope', '=', 'personal')
        .where('active', '=', 1)
        .orderBy('updated_at')
        .execute();
      for (const row of rows) out.set(row.user_id, toRecord(row));
    }
    return out;
  }

  /** The active personal chats of people known by their directory object id, the newest for each (a chat opened by installing the app may be stored under their Teams id). */
  async personalChatsByAad(aadObjectIds: string[]): Promise<Map<string, ConversationRecord>> {
    const out = new Map<string, ConversationRecord>();
    const unique = [...new Set(aadObjectIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('conversation_refs')
        .selectAll()
        .where('aad_object_id', 'in', unique.slice(i, i + 500))
        .where('scope', '=', 'personal')
        .where('active', '=', 1)
        .orderBy('updated_at')
        .execute();
      for (const row of rows) out.set(row.aad_object_id!, toRecord(row));
    }
    return out;
  }

  /** Every reference held for a user, active or not. */
  async forUser(userId: string): Promise<ConversationRecord[]> {
    const rows = await this.db.selectFrom('conversation_refs').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Every active personal chat, the reachable audience for proactive messages. */
  async activePersonalChats(): Promise<ConversationRecord[]> {
    const rows = await this.db.selectFrom('conversation_refs').selectAll().where('scope', '=', 'personal').where('active', '=', 1).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Erases every reference held for a user. */
  async deleteForUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('conversation_refs').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
