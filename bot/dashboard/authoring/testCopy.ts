import { ConversationRecord } from '../../platform/store/conversationReferences';
import { RosterTarget } from '../../platform/store/teamRosters';
import { ConnectorSender } from '../../platform/delivery/connectorSender';
import type { OutgoingMessage } from '../../platform/delivery/outgoingMessage';
import { DashboardViewer } from '../dashboardAccess';

/** Where a test copy goes, or why it cannot go anywhere. */
export type TestTarget = { ok: true; chat: ConversationRecord } | { ok: false; message: string };

/** What finding the test chat reads: the open personal chats, the rosters, and how to open a chat (paced like a send). */
export interface TestTargetSources {
  chats(): Promise<ConversationRecord[]>;
  rosterMembers(): Promise<RosterTarget[]>;
  openChat(member: RosterTarget): Promise<ConversationRecord | undefined>;
}

/**
 * The personal Teams chat a test copy goes to: the signed-in Teams user's own; a browser session
 * (the admin token says nobody in particular) names the Entra object id or Teams user id to send to.
 * A member of an installed team who never chatted with the bot gets their chat opened, as a send would.
 */
export async function findTestTarget(viewer: DashboardViewer, to: unknown, sources: TestTargetSources): Promise<TestTarget> {
  const wanted = (viewer.via === 'teams' ? viewer.ids[0] : typeof to === 'string' ? to.trim() : '').toLowerCase();
  if (!wanted)
    return {
      ok: false,
      message: 'You signed in with the admin token, which does not say who you are: give your Entra object id (or Teams user id) in "Send the test to".',
    };
  const matches = (p: { userId: string; aadObjectId?: string }) => p.aadObjectId?.toLowerCase() === wanted || p.userId.toLowerCase() === wanted;
  const chat = (await sources.chats()).find((c) => c.channelId === 'msteams' && matches(c));
  if (chat) return { ok: true, chat };
  const member = (await sources.rosterMembers()).find(matches);
  const opened = member ? await sources.openChat(member) : undefined;
  if (opened) return { ok: true, chat: opened };
  return {
    ok: false,
    message:
      'There is no personal chat with the bot in Teams for that person yet, and they are not on the roster of a team the app is installed in. Open the bot in Teams and say "hi", then send the test again.',
  };
}

/** Opens a roster member's personal chat (POST /v3/conversations) and stores it, so the test and later sends go there. */
export async function openRosterChat(
  deps: { sender: ConnectorSender; pace: (tenant: string, key: string) => Promise<void>; save: (record: ConversationRecord) => Promise<void> },
  member: RosterTarget,
): Promise<ConversationRecord | undefined> {
  await deps.pace(member.tenantId ?? 'none', `open:${member.userId}`);
  const created = await deps.sender.createConversation({
    serviceUrl: member.serviceUrl,
    tenantId: member.tenantId,
    botId: member.botId,
    memberId: member.userId,
  });
  if (!created.ok || !created.conversationId) return undefined;
  const record: ConversationRecord = {
    userId: member.userId,
    conversationId: created.conversationId,
    aadObjectId: member.aadObjectId,
    tenantId: member.tenantId,
    channelId: 'msteams',
    scope: 'personal',
    serviceUrl: member.serviceUrl,
    reference: {
      channelId: 'msteams',
      serviceUrl: member.serviceUrl,
      bot: { id: member.botId },
      user: { id: member.userId, aadObjectId: member.aadObjectId },
      conversation: { id: created.conversationId, conversationType: 'personal', tenantId: member.tenantId },
    },
    active: true,
    updatedAt: '',
  };
  await deps.save(record);
  return record;
}

/** Sends one test copy straight to the chat, under the same shared pacing as every send. */
export async function sendTestCopy(
  deps: { sender: ConnectorSender; pace: (tenant: string, key: string) => Promise<void> },
  chat: ConversationRecord,
  message: OutgoingMessage,
): Promise<{ ok: true } | { ok: false; message: string }> {
  await deps.pace(chat.tenantId ?? '', chat.conversationId);
  const outcome = await deps.sender.send({ serviceUrl: chat.serviceUrl, conversationId: chat.conversationId }, message);
  return outcome.ok ? { ok: true } : { ok: false, message: `Teams did not take the test copy (${outcome.status}). Try again in a minute.` };
}
