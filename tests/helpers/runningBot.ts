import { AddressInfo } from 'node:net';
import { Server } from 'restify';
import { createServer } from '../../bot/server';
import { ServiceOverrides, Services } from '../../bot/services';
import { testBotServices } from './testBot';

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
