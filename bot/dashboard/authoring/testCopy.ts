import { Activity } from 'botbuilder';
import { ConversationRecord } from '../../store/conversationReferences';
import { ConnectorSender } from '../../delivery/connectorSender';
import { DashboardViewer } from '../dashboardAccess';

/** Where a test copy goes, or why it cannot go anywhere. */
export type TestTarget = { ok: true; chat: ConversationRecord } | { ok: false; message: string };

/**
 * The personal Teams chat a test copy goes to: the signed-in Teams user's own; a browser session
 * (the admin token says nobody in particular) names the Entra object id or Teams user id to send to.
 */
export async function findTestTarget(viewer: DashboardViewer, to: unknown, chats: () => Promise<ConversationRecord[]>): Promise<TestTarget> {
  const wanted = viewer.via === 'teams' ? viewer.ids[0] : typeof to === 'string' ? to.trim().toLowerCase() : '';
  if (!wanted) return { ok: false, message: 'You signed in with the admin token, which does not say who you are: give your Entra object id (or Teams user id) in "Send the test to".' };
  const chat = (await chats()).find((c) => c.channelId === 'msteams' && (c.aadObjectId?.toLowerCase() === wanted.toLowerCase() || c.userId.toLowerCase() === wanted.toLowerCase()));
  if (chat) return { ok: true, chat };
  return { ok: false, message: 'There is no personal chat with the bot in Teams for that person yet. Open the bot in Teams and say "hi", then send the test again.' };
}

/** Sends one test copy straight to the chat, under the same shared pacing as every send. */
export async function sendTestCopy(deps: { sender: ConnectorSender; pace: (tenant: string, key: string) => Promise<void> }, chat: ConversationRecord, activity: Partial<Activity>): Promise<{ ok: true } | { ok: false; message: string }> {
  await deps.pace(chat.tenantId ?? '', chat.conversationId);
  const outcome = await deps.sender.send({ serviceUrl: chat.serviceUrl, conversationId: chat.conversationId }, activity);
  return outcome.ok ? { ok: true } : { ok: false, message: `Teams did not take the test copy (${outcome.status}). Try again in a minute.` };
}
