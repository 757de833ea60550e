import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../knowledge/projectRoot';
import { ConfigError, loadConfig } from '../platform/config';
import { createServer } from '../app/server';
import { createServices } from '../app/services';
import { DemoChats } from './demoChats';
import { DEMO_CONNECTOR_PATH, registerDemoConnectorRoutes } from './demoConnectorRoutes';
import { registerDemoRoutes } from './demoRoutes';
import { DEMO_PULSE_THRESHOLD, demoEnvironment } from './demoSettings';
import { demoStaff } from './demoStaff';
import { DemoTeamsClient } from './demoTeamsClient';
import { seedDemo } from './seedDemo';

/**
 * `npm run demo`: the bot on a throwaway database with simulated staff, a stand-in Bot Connector and
 * a stand-in Teams client at /demo, so the whole cycle (briefing, "Got it", pulse, results) can be
 * tried with no Azure and no tenant. Everything is deleted when it stops.
 */
async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-demo-'));
  const people = demoStaff();
  const { env, dashboardToken } = demoEnvironment({ dataDir, people, outer: process.env });
  const { version } = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const config = loadConfig(env, version);
  const services = await createServices(config);
  // The worker starts once the simulated staff are seeded, below.
  await services.start({ deliveryWorker: false });
  const server = createServer(services);
  const chats = new DemoChats();
  let botUrl = '';
  const teams = new DemoTeamsClient({
    botUrl: () => botUrl,
    serviceUrl: () => `${botUrl}${DEMO_CONNECTOR_PATH}/`,
    chats,
    botId: '28:demo-bot',
    botName: config.botName,
  });
  registerDemoConnectorRoutes(server, chats, people);
  registerDemoRoutes(server, { people, chats, teams, dashboardToken, pulseThreshold: DEMO_PULSE_THRESHOLD });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  botUrl = `http://127.0.0.1:${server.address().port}`;
  await seedDemo(people, { teams, profiles: services.store.profiles });
  await services.delivery.start();

  const pageUrl = `http://localhost:${server.address().port}/demo`;
  console.log(`Demo ready: open ${pageUrl}`);
  console.log(`  ${people.length} simulated staff, a throwaway database in ${dataDir} (deleted when you stop with Ctrl+C).`);
  console.log(`  Dashboard: http://localhost:${server.address().port}/dashboard, sign in with ${dashboardToken}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10000);
    force.unref();
    server.close(() => {
      services
        .close()
        .catch((err: unknown) => console.error('error while stopping the demo:', err))
        .finally(() => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          process.exit(0);
        });
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('The demo could not start:', err);
  process.exit(1);
});
