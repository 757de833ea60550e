import { Generated } from 'kysely';

/**
 * The tables of the bot's database, the same on SQLite and PostgreSQL. Times are ISO 8601 UTC
 * strings and flags are 0/1 integers, so one set of queries serves both engines.
 */
export interface DatabaseSchema {
  bot_state: BotStateTable;
  conversation_refs: ConversationRefTable;
  profiles: ProfileTable;
  answer_feedback: AnswerFeedbackTable;
  unanswered_questions: UnansweredQuestionTable;
}

/** Bot Framework state documents (dialog stacks, user state), with an eTag for optimistic writes. */
export interface BotStateTable {
  key: string;
  document: string;
  etag: string;
  updated_at: string;
}

/** Where the bot can reach a user proactively; one row per user and conversation. */
export interface ConversationRefTable {
  id: Generated<number>;
  user_id: string;
  conversation_id: string;
  aad_object_id: string | null;
  tenant_id: string | null;
  channel_id: string;
  scope: string;
  service_url: string;
  reference: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** What a staff member told the bot about their work, used to target briefings and surveys. */
export interface ProfileTable {
  user_id: string;
  aad_object_id: string | null;
  sector: string | null;
  role: string | null;
  locality: string | null;
  team: string | null;
  authority: string | null;
  start_date: string | null;
  topics: string;
  quiet_start: string | null;
  quiet_end: string | null;
  created_at: string;
  updated_at: string;
}

/** "Was this helpful?" votes; they carry no user id, so they stay when a user's data is erased. */
export interface AnswerFeedbackTable {
  id: Generated<number>;
  entry_id: string;
  helpful: number;
  channel: string;
  created_at: string;
}

/** Questions the knowledge base could not answer outright, scrubbed of personal details. */
export interface UnansweredQuestionTable {
  id: Generated<number>;
  question: string;
  normalised: string;
  decision: string;
  channel: string;
  created_at: string;
}
