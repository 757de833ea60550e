import { ConversationRecord, ConversationReferences } from '../../platform/store/conversationReferences';
import { AppInstaller } from './appInstaller';
import { AppInstall, DirectoryStore } from './directoryStore';
import { INSTALL_RETRY_WORDS } from './installRetry';

/** The directory object id of a recipient queued by their directory id ("aad:<object id>"), or undefined. */
export const aadOfRecipient = (recipient: string): string | undefined =>
  recipient.startsWith('aad:') && recipient.length > 4 ? recipient.slice(4) : undefined;

/** What installing the app at send time gave: the chat to send to, or why not, as an HTTP-like status the retry policy judges. */
export type InstallAtSend = { ok: true; chat: ConversationRecord } | { ok: false; status: number; error: string };

/** Why Graph refused, in words a comms officer or admin can act on. */
function reasonOf(install: AppInstall): string {
  const problem = install.problem ?? 'no reason given';
  if (install.status === 'no-chat') return `app installed but its chat could not be read yet (${problem})`;
  if (install.httpStatus === 403)
    return `consent missing: Graph refused to install the personal app (403); an admin must grant TeamsAppInstallation.ReadWriteSelfForUser.All (admin consent) and allow the app in Teams; ${INSTALL_RETRY_WORDS} (${problem})`;
  if (install.httpStatus === 404) return `not found in Microsoft Graph, or the app is not in the catalogue (${problem})`;
  return problem;
}

/** The status the retry policy judges: Graph's own where it says one, "try again" when the chat is not ready yet. */
function statusOf(install: AppInstall): number {
  if (install.status === 'no-chat') return install.httpStatus && install.httpStatus !== 404 ? install.httpStatus : 503;
  return install.httpStatus ?? 0;
}

/**
 * Lets the delivery engine reach directory people who have no chat and no roster entry: it says
 * who can be installed for, finds a chat an earlier install already opened (so a retried or
 * resumed copy installs nothing twice), and installs the personal app on first send.
 */
export class SendTimeInstaller {
  constructor(
    private readonly deps: {
      installer: Pick<AppInstaller, 'install'>;
      people: Pick<DirectoryStore, 'installablePeople'>;
      conversations: Pick<ConversationReferences, 'personalChatsByAad'>;
    },
  ) {}

  /** Which of these recipients ("aad:<object id>") are enabled Graph users the app can be installed for. */
  async installable(recipients: string[]): Promise<Set<string>> {
    const aads = recipients.map(aadOfRecipient).filter((a): a is string => !!a);
    if (!aads.length) return new Set();
    return new Set([...(await this.deps.people.installablePeople(aads))].map((a) => `aad:${a}`));
  }

  /** Chats already open (by an earlier install, a sync, or the person) for recipients queued by directory id. */
  async chatsOf(recipients: string[]): Promise<Map<string, ConversationRecord>> {
    const out = new Map<string, ConversationRecord>();
    const aads = recipients.map(aadOfRecipient).filter((a): a is string => !!a);
    if (!aads.length) return out;
    for (const [aad, chat] of await this.deps.conversations.personalChatsByAad(aads)) out.set(`aad:${aad}`, chat);
    return out;
  }

  /** Installs the app for one recipient and returns the chat it opened, or why it could not. */
  async install(recipient: string): Promise<InstallAtSend> {
    const aad = aadOfRecipient(recipient);
    if (!aad) return { ok: false, status: 404, error: 'no active personal chat with the bot' };
    let install: AppInstall;
    try {
      install = await this.deps.installer.install(aad);
    } catch (err) {
      return { ok: false, status: 0, error: `installing the app failed: ${(err as Error).message}` };
    }
    if (install.status !== 'installed') return { ok: false, status: statusOf(install), error: reasonOf(install) };
    const chat = (await this.deps.conversations.personalChatsByAad([aad])).get(aad);
    return chat ? { ok: true, chat } : { ok: false, status: 503, error: 'app installed but its chat was not stored' };
  }
}
