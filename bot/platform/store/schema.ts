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
  outbox: OutboxTable;
  rate_slots: RateSlotTable;
  briefings: BriefingTable;
  answer_counts: AnswerCountTable;
  survey_waves: SurveyWaveTable;
  survey_participation: SurveyParticipationTable;
  survey_responses: SurveyResponseTable;
  survey_tallies: SurveyTallyTable;
  survey_pending: SurveyPendingTable;
  survey_releases: SurveyReleaseTable;
  survey_secret_check: SurveySecretCheckTable;
  idempotency_keys: IdempotencyKeyTable;
  training_reminders: TrainingReminderTable;
  dashboard_sessions: DashboardSessionTable;
  unanswered_askers: UnansweredAskerTable;
  directline_conversations: DirectLineConversationTable;
  directline_activities: DirectLineActivityTable;
  directline_limits: DirectLineLimitTable;
  teams: TeamTable;
  team_channels: TeamChannelTable;
  roster_members: RosterMemberTable;
  content_entries: ContentEntryTable;
  content_versions: ContentVersionTable;
  content_revisions: ContentRevisionTable;
  catalogue_sessions: CatalogueSessionTable;
  /** Training courses and sessions as editors change them (keys "course:<id>", "session:<id>"), shaped like content_entries. */
  catalogue_items: ContentEntryTable;
  catalogue_versions: ContentVersionTable;
  directory_people: DirectoryPersonTable;
  directory_groups: DirectoryGroupTable;
  directory_group_members: DirectoryGroupMemberTable;
  app_installs: AppInstallTable;
  directory_syncs: DirectorySyncTable;
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
  /** A "did you mean" gap's reference, carried by its "None of these" button until pressed. */
  ref: string | null;
}

/** One copy of a message for one recipient, and what is still to be done with it. */
export interface OutboxTable {
  id: Generated<number>;
  message_id: string;
  user_id: string;
  kind: string;
  /** pending, sent, failed, unreachable, cancelled, expired or recalled. */
  status: string;
  /** send, update or delete while work is due; null when there is nothing to do. */
  pending_op: string | null;
  urgent: number;
  not_before: string;
  expires_at: string | null;
  next_attempt_at: string;
  attempts: number;
  claimed_by: string | null;
  claimed_until: string | null;
  conversation_id: string | null;
  service_url: string | null;
  activity_id: string | null;
  sent_at: string | null;
  acknowledged_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** The next free send slot (theoretical arrival time, ms since the epoch) of one rate limit. */
export interface RateSlotTable {
  key: string;
  tat: number;
}

/** One wave of a pulse survey: a template snapshot, its audience and dates (its ledger key is derived from the server secret, never stored). */
export interface SurveyWaveTable {
  id: Generated<number>;
  template_id: string;
  name: string;
  /** The template as it was when the wave was created (JSON), so later edits never change a running wave. */
  template: string;
  /** The audience filter (JSON). */
  audience: string;
  opens_at: string;
  closes_at: string;
  /** Dates (YYYY-MM-DD, Europe/London) reminders go out on (JSON array). */
  reminder_days: string;
  threshold: number;
  owner: string | null;
  owner_name: string | null;
  invited: number;
  /** When the opening cards and reminders were handed to the delivery engine; null until then. */
  queued_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Who has answered an open wave, as an HMAC of their stable identity under a key derived from the server secret; no time, no order; emptied at close. */
export interface SurveyParticipationTable {
  survey_id: number;
  participant: string;
}

/** One released anonymous response: answers and comment only (no user, conversation, time or segment), a random id, written in a shuffled batch. */
export interface SurveyResponseTable {
  survey_id: number;
  id: string;
  answers: string;
  comment: string | null;
}

/**
 * The released counts: how many responses in a segment (everyone, a sector, a locality) gave each
 * answer, updated only when a batch is released (rare segment values folded into "not stated").
 * Results read these, not every row.
 */
export interface SurveyTallyTable {
  survey_id: number;
  /** all, sector or locality. */
  dimension: string;
  /** The segment key (sector id or normalised locality); empty for everyone and for "not stated". */
  segment: string;
  label: string;
  /** Empty (with an empty answer) for the count of responses in the segment. */
  question_id: string;
  answer: string;
  responses: number;
}

/** An answer waiting for release: sealed with a key derived from the server secret, padded to one size, under a random id. */
export interface SurveyPendingTable {
  survey_id: number;
  id: string;
  sealed: string;
}

/** A wave's last release of its figures: how many responses it covers and when it was made. */
export interface SurveyReleaseTable {
  survey_id: number;
  /** Releases so far (0 before the first). */
  number: number;
  responses: number;
  released_at: string | null;
  /** When the wave's final release was made and its ledger emptied; null while it is open. */
  final_at: string | null;
  /** Answers that arrived after the last release and were too few to release at close. */
  not_included: number;
}

/** A fingerprint of the server's pulse secret, so a changed secret is noticed before it breaks an open pulse. */
export interface SurveySecretCheckTable {
  id: string;
  fingerprint: string;
  updated_at: string;
}

/** A request made with an Idempotency-Key, and the response to replay when the same key comes again. */
export interface IdempotencyKeyTable {
  route: string;
  key: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

/**
 * Someone asked to be reminded of a training session. `round` counts the requests for that
 * session, so a reminder set again after a cancellation gets fresh delivery message ids.
 */
export interface TrainingReminderTable {
  id: Generated<number>;
  user_id: string;
  session_id: string;
  course_id: string;
  /** active or cancelled. */
  status: string;
  round: number;
  created_at: string;
  updated_at: string;
}

/** A strategy briefing; `status` is publishing (copies being queued), published or recalled. */
export interface BriefingTable {
  id: Generated<number>;
  title: string;
  summary: string;
  body: string;
  link: string | null;
  /** JSON list of topic ids. */
  topics: string;
  /** JSON audience filter. */
  audience: string;
  publish_at: string;
  expires_at: string | null;
  urgent: number;
  status: string;
  /** How many people it was queued for. */
  recipients: number;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** How often an entry was given as an answer (the message extension shows the most-asked first). */
export interface AnswerCountTable {
  entry_id: string;
  times: number;
  last_at: string;
}

/** A dashboard browser session: a hash of its cookie, so a database reader cannot sign in with it. */
export interface DashboardSessionTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
}

/** That someone already asked a question today: a one-way hash of (person, question, day), purged daily. */
export interface UnansweredAskerTable {
  marker: string;
  day: string;
}

/** A built-in Direct Line conversation: whose it is, its last watermark, and recent client posts (ms, JSON). */
export interface DirectLineConversationTable {
  id: string;
  user_id: string;
  user_name: string | null;
  user_email: string | null;
  user_oid: string | null;
  /** The oldest watermark still kept (older activities were trimmed). */
  first_seq: Generated<number>;
  last_seq: Generated<number>;
  bytes: Generated<number>;
  recent_posts: Generated<string>;
  created_at: string;
  last_active_at: string;
}

/** One activity of a built-in Direct Line conversation (JSON without its id, which the watermark gives). */
export interface DirectLineActivityTable {
  conversation_id: string;
  seq: number;
  activity: string;
  bytes: number;
  client_activity_id: string | null;
  handled: Generated<number>;
}

/** A sliding-window limit shared by replicas: the times (ms, JSON) of the hits still in its window. */
export interface DirectLineLimitTable {
  key: string;
  hits: string;
  updated_at: string;
}

/** A team the app is installed in; proactive messages to its members go through its service URL. */
/** One channel of an installed team, as the Bot Connector lists them (the General channel's id is the team id). */
export interface TeamChannelTable {
  team_id: string;
  channel_id: string;
  /** The channel's name; the General channel has none in the connector's list. */
  name: string | null;
  updated_at: string;
}

export interface TeamTable {
  team_id: string;
  tenant_id: string | null;
  service_url: string;
  /** The bot's own channel id in this team (28:…), the "bot" of a new personal conversation. */
  bot_id: string;
  name: string | null;
  /** Where channel posts go; the General channel's id is the team id. */
  general_channel_id: string;
  active: number;
  members_read_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One member of an installed team, as the Bot Connector's roster lists them. */
export interface RosterMemberTable {
  team_id: string;
  user_id: string;
  aad_object_id: string | null;
  name: string | null;
  email: string | null;
  active: number;
  updated_at: string;
}

/** A knowledge entry as content owners edit it: the live and draft text (entry JSON) and a revision bumped by every write. */
export interface ContentEntryTable {
  id: string;
  live: string | null;
  live_version: Generated<number>;
  draft: string | null;
  draft_by: string | null;
  draft_at: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One published version of an entry: its text, who wrote and who approved it, when, and what changed. */
export interface ContentVersionTable {
  entry_id: string;
  version: number;
  entry: string;
  author: string;
  approver: string;
  published_at: string;
  diff: string;
}

/** A number bumped by every publish of one kind of content ("knowledge"), which replicas poll. */
export interface ContentRevisionTable {
  name: string;
  revision: number;
  updated_at: string;
}

/** A training session as edited in the dashboard or imported from an LMS export (session JSON). */
export interface CatalogueSessionTable {
  id: string;
  session: string;
  updated_by: string;
  updated_at: string;
}

/** A person in the organisation's directory (Microsoft Graph, or a partner's HR import), with mapped targeting attributes. */
export interface DirectoryPersonTable {
  /** "aad:<object id>" for Graph users, "hr:<email>" for people imported from an HR file. */
  person_id: string;
  source: string;
  aad_object_id: string | null;
  email: string | null;
  display_name: string | null;
  department: string | null;
  job_title: string | null;
  office_location: string | null;
  company_name: string | null;
  sector: string | null;
  role: string | null;
  locality: string | null;
  team: string | null;
  authority: string | null;
  enabled: number;
  seen_at: string;
  updated_at: string;
}

/** An Entra group whose transitive members were read, with how many and any problem reading it. */
export interface DirectoryGroupTable {
  group_id: string;
  /** The group's display name in Entra ID, as last read (migration 014). */
  display_name: string | null;
  members: number;
  problem: string | null;
  synced_at: string | null;
}

/** One transitive member of an Entra group. */
export interface DirectoryGroupMemberTable {
  group_id: string;
  aad_object_id: string;
}

/** The personal app installed proactively for a user through Graph, and the chat read back. */
export interface AppInstallTable {
  aad_object_id: string;
  /** installed (chat known), no-chat (installed, chat not readable yet) or failed. */
  status: string;
  chat_id: string | null;
  problem: string | null;
  /** Graph's HTTP status when the install failed (migration 014), telling consent (403) from an outage. */
  http_status: number | null;
  /** Failed installs in a row (migration 015): the wait before a refused one is tried again doubles with each. */
  failures: Generated<number>;
  updated_at: string;
}

/** One run of the directory sync, with its progress. */
export interface DirectorySyncTable {
  sync_id: string;
  trigger: string;
  status: string;
  phase: string;
  users: number;
  groups: number;
  installed: number;
  install_problems: number;
  problem: string | null;
  started_at: string;
  finished_at: string | null;
}
