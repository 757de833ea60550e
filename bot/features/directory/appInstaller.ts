import { ReadOutcome } from '../../platform/delivery/connectorSender';
import { ConversationUpsert } from '../../platform/store/conversationReferences';
import { AppInstall } from './directoryStore';
import { errorOf, GraphClient } from './graphClient';

/** The recipient id of someone reached through a chat opened by installing the app, while their Teams user id is unknown. */
export const directoryRecipient = (aadObjectId: string): string => `aad:${aadObjectId}`;

export interface AppInstallerSettings {
  /** The app's id in the organisation's Teams app catalogue (not the manifest id). */
  catalogAppId: string;
  tenantId: string;
  /** The Bot Connector address for the tenant's region, where sends to the new chat go. */
  serviceUrl: string;
  botId: string;
}

/**
 * Installs the personal app for a user who lacks it (POST /users/{id}/teamwork/installedApps; 409
 * means it is already there), reads back the chat the installation opened with the bot, and stores
 * it as the person's personal conversation so the delivery engine can send to it.
 */
export class AppInstaller {
  constructor(
    private readonly client: GraphClient,
    private readonly settings: AppInstallerSettings,
    private readonly save: { install(install: AppInstall): Promise<void>; conversation(record: ConversationUpsert): Promise<void> },
    /** Reads a chat's members from the Bot Connector (paced), to learn the person's Teams user id. */
    private readonly members?: (serviceUrl: string, chatId: string) => Promise<ReadOutcome>,
  ) {}

  async install(aadObjectId: string): Promise<AppInstall> {
    const outcome = await this.attempt(aadObjectId);
    await this.save.install(outcome);
    if (outcome.status === 'installed' && outcome.chatId)
      await this.save.conversation(this.conversationOf(aadObjectId, outcome.chatId, await this.teamsUserId(aadObjectId, outcome.chatId)));
    return outcome;
  }

  /**
   * The person's Teams user id (29:…) from the new chat's members, so their cards, "Got it" and pulse
   * answers all carry the id Teams uses when they reply; undefined when the connector cannot say.
   */
  private async teamsUserId(aadObjectId: string, chatId: string): Promise<string | undefined> {
    if (!this.members) return undefined;
    const read = await this.members(this.settings.serviceUrl, chatId).catch(() => undefined);
    if (!read?.ok || !Array.isArray(read.body)) return undefined;
    const member = (read.body as { id?: unknown; aadObjectId?: unknown; objectId?: unknown }[]).find(
      (m) => m.aadObjectId === aadObjectId || m.objectId === aadObjectId,
    );
    return typeof member?.id === 'string' && member.id ? member.id : undefined;
  }

  private async attempt(aadObjectId: string): Promise<AppInstall> {
    const user = `users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
    const { catalogAppId } = this.settings;
    const installed = await this.client.request('POST', user, { 'teamsApp@odata.bind': `${this.client.baseUrl}/appCatalogs/teamsApps/${catalogAppId}` });
    if (installed.status !== 201 && installed.status !== 409 && installed.status >= 300) {
      return { aadObjectId, status: 'failed', problem: errorOf(installed, 'installing the app').message, httpStatus: installed.status };
    }
    const filter = new URLSearchParams({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${catalogAppId}'` });
    const listed = await this.client.request('GET', `${user}?${filter.toString()}`);
    const installId = (listed.body as { value?: { id?: string }[] } | undefined)?.value?.[0]?.id;
    if (listed.status >= 300 || !installId) {
      return {
        aadObjectId,
        status: 'no-chat',
        problem: listed.status >= 300 ? errorOf(listed, 'finding the installation').message : 'the installation was not listed yet',
        httpStatus: listed.status >= 300 ? listed.status : undefined,
      };
    }
    const chat = await this.client.request('GET', `${user}/${encodeURIComponent(installId)}/chat`);
    const chatId = (chat.body as { id?: string } | undefined)?.id;
    if (chat.status >= 300 || !chatId)
      return {
        aadObjectId,
        status: 'no-chat',
        problem: chat.status >= 300 ? errorOf(chat, 'reading the chat').message : 'Graph gave no chat id',
        httpStatus: chat.status >= 300 ? chat.status : undefined,
      };
    return { aadObjectId, status: 'installed', chatId };
  }

  private conversationOf(aadObjectId: string, chatId: string, teamsUserId: string | undefined): ConversationUpsert {
    const { tenantId, serviceUrl, botId } = this.settings;
    const userId = teamsUserId ?? directoryRecipient(aadObjectId);
    return {
      userId,
      conversationId: chatId,
      aadObjectId,
      tenantId,
      channelId: 'msteams',
      scope: 'personal',
      serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        bot: { id: botId },
        user: { id: userId, aadObjectId },
        conversation: { id: chatId, conversationType: 'personal', tenantId },
      },
    };
  }
}
