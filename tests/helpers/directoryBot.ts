import { ServiceOverrides } from '../../bot/app/services';
import { FakeConnector } from './fakeConnector';
import { FakeGraph } from './fakeGraph';
import { RunningBot, startBot } from './runningBot';

/** The conversation id the Graph stand-in gives the personal chat installing the app opens for a person. */
export const installedChatId = (aadObjectId: string): string => `19:${aadObjectId}_app@unq.gbl.spaces`;

/** What a directory suite is started with. */
export interface DirectorySuiteOptions {
  /** The admin API token. */
  token: string;
  /** GRAPH_TEAMS_APP_ID: the app's id in the organisation's catalogue. */
  catalogAppId: string;
  /**
   * The Teams user id the Bot Connector lists as the member of a chat installing the app opened;
   * undefined makes the members read fail (500), so the chat is kept under the person's object id.
   */
  teamsIdOf: (aadObjectId: string) => string | undefined;
  /** More settings (they win over the suite's own). */
  env?: Record<string, string>;
  overrides?: ServiceOverrides;
}

/** A running bot wired to a Graph stand-in and a fake Bot Connector, and the admin API as a comms tool calls it. */
export interface DirectorySuite {
  bot: RunningBot;
  graph: FakeGraph;
  connector: FakeConnector;
  /** The fake Bot Connector's address (TEAMS_SERVICE_URL, and where replies to posted activities go). */
  serviceUrl: string;
  /** GETs `path`, or POSTs `body` as JSON (with an Idempotency-Key when given), with the admin token. */
  api(path: string, body?: unknown, key?: string): Promise<Response>;
  /** The conversations the connector received a new message in (POST …/activities), in order. */
  sentTo(): string[];
}

/**
 * Starts, for a whole mocha suite, the bot with Microsoft Graph settings pointing at a local
 * stand-in (directory sync on demand only) and a fake Bot Connector that answers the members of a
 * chat installing the app opened, as directory tests need; stopped after the suite.
 */
export function directoryBotSuite(options: DirectorySuiteOptions): DirectorySuite {
  const suite: DirectorySuite = {
    bot: undefined as unknown as RunningBot,
    graph: new FakeGraph(),
    connector: new FakeConnector(),
    serviceUrl: '',
    api: (path, body, key) =>
      fetch(`${suite.bot.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    sentTo: () => suite.connector.calls.filter((c) => c.method === 'POST' && /\/activities$/.test(c.url)).map((c) => c.conversationId ?? ''),
  };
  before(async () => {
    const urls = await suite.graph.start();
    suite.serviceUrl = await suite.connector.start();
    suite.connector.respond = (call) => {
      const chat = /^\/v3\/conversations\/19%3A(.+)_app%40unq\.gbl\.spaces\/members$/.exec(call.url);
      if (call.method !== 'GET' || !chat) return undefined;
      const teamsId = options.teamsIdOf(chat[1]);
      return teamsId
        ? { status: 200, body: [{ id: teamsId, aadObjectId: chat[1], name: 'Worker' }] }
        : { status: 500, body: { error: { code: 'ServiceError' } } };
    };
    suite.bot = await startBot(
      {
        ADMIN_API_TOKEN: options.token,
        GRAPH_TENANT_ID: suite.graph.tenantId,
        GRAPH_CLIENT_ID: suite.graph.clientId,
        GRAPH_CLIENT_SECRET: suite.graph.clientSecret,
        GRAPH_BASE_URL: urls.baseUrl,
        GRAPH_LOGIN_BASE_URL: urls.loginBaseUrl,
        GRAPH_TEAMS_APP_ID: options.catalogAppId,
        TEAMS_SERVICE_URL: suite.serviceUrl,
        DIRECTORY_SYNC_HOURS: '0',
        ...options.env,
      },
      options.overrides,
    );
  });
  after(async () => {
    await suite.bot?.stop().catch(() => undefined);
    await suite.graph.stop();
    await suite.connector.stop();
  });
  return suite;
}
