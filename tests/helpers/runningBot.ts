import { AddressInfo } from 'node:net';
import { Server } from 'restify';
import { createServer } from '../../bot/app/server';
import { ServiceOverrides, Services } from '../../bot/app/services';
import { FakeConnector } from './fakeConnector';
import { testBotServices } from './testBot';

/** Bot Framework credentials that switch on authentication without reaching Entra ID. */
export const TEST_APP_CREDENTIALS = { MicrosoftAppId: '00000000-0000-0000-0000-000000000099', MicrosoftAppPassword: 'not-a-real-secret' };

/** The real HTTP server on a random local port. */
export interface RunningBot {
  url: string;
  services: Services;
  server: Server;
  stop(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}, overrides: ServiceOverrides = {}): Promise<RunningBot> {
  const services = await testBotServices(env, overrides);
  const server = createServer(services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    server,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    },
  };
}

/** A running bot and a fake Bot Connector for a whole test suite, started before it and stopped after. */
export function botWithConnector(
  env: Record<string, string> = {},
  overrides: ServiceOverrides = {},
): { bot: RunningBot; connector: FakeConnector; serviceUrl: string } {
  const suite = { bot: undefined as unknown as RunningBot, connector: new FakeConnector(), serviceUrl: '' };
  before(async () => {
    suite.serviceUrl = await suite.connector.start();
    suite.bot = await startBot(env, overrides);
  });
  after(async () => {
    await suite.bot?.stop().catch(() => undefined);
    await suite.connector.stop();
  });
  return suite;
}

/**
 * Waits for the index rebuild a publish started, then lets the server close keep-alive sockets
 * that idled past their timeout while the rebuild held the event loop, so the next request opens a fresh one.
 */
export async function settledAfterPublish(bot: RunningBot): Promise<void> {
  await bot.services.content.knowledge.refresh();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
