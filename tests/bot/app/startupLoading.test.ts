import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Starts the bot as `npm start` would (through ts-node here), waits until /healthz answers and one
 * timer turn more, and lists the packages it has loaded by then.
 */
async function packagesLoadedWhenReady(): Promise<string[]> {
  // Reports from inside the bot's process: a later timer than any the start-up schedules at once, after /healthz has answered.
  const report = `
    const http = require('node:http');
    process.on('bot-ready', (port) => {
      http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
        res.resume();
        setTimeout(() => {
          const packages = new Set(Object.keys(require.cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]).filter(Boolean));
          process.stderr.write('PACKAGES ' + JSON.stringify({ status: res.statusCode, packages: [...packages] }) + '\\n');
          process.exit(0);
        }, 20);
      });
    });
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
      const port = /"port":(\\d+)/.exec(String(chunk));
      if (port) process.emit('bot-ready', Number(port[1]));
      return write(chunk, ...rest);
    };`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `${report}; require('./bot/app/index.ts')`], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  const line = /PACKAGES (.*)/.exec(err);
  if (!line) throw new Error(`the bot did not report:\n${err}`);
  const { status, packages } = JSON.parse(line[1]) as { status: number; packages: string[] };
  expect(status).to.equal(200);
  return packages;
}

describe('start-up to ready', function () {
  this.timeout(180000);

  it('does not load the name finder (compromise) before or just after /healthz answers', async () => {
    const packages = await packagesLoadedWhenReady();
    expect(packages).to.include('restify');
    expect(packages).to.not.include('compromise');
  });

  it("does not load the language recognizers only the dialogs' yes/no prompts use", async () => {
    const packages = await packagesLoadedWhenReady();
    expect(packages).to.include('botbuilder-dialogs');
    expect(packages.filter((p) => p.startsWith('@microsoft/recognizers-text'))).to.deep.equal([]);
  });
});
