import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { startBotProcess, stopProcess } from '../../../bench/benchUtil';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { writeAgedFile } from '../../../helpers/tempFolder';

// The bundler is plain JavaScript (it runs right after tsc), so it is loaded with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleIsStale, BUNDLE } = require('../../../../bot/app/cli/bundleServer.cjs') as { bundleIsStale: (root: string) => boolean; BUNDLE: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cacheFileOf } = require('../../../../bot/app/cli/startBundle.cjs') as { cacheFileOf: (source: string) => string };

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('bundleServer (npm start runs one bundled file)', () => {
  describe('deciding when to bundle again', () => {
    let root: string;
    const write = (file: string, ageSeconds: number) => writeAgedFile(root, file, ageSeconds);
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-server-'))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('bundles when there is no bundle yet', () => {
      write('dist/.tsbuildinfo', 10);
      expect(bundleIsStale(root)).to.equal(true);
    });

    it('bundles again after a newer build', () => {
      write(BUNDLE, 20);
      write('dist/.tsbuildinfo', 10);
      expect(bundleIsStale(root)).to.equal(true);
    });

    it('keeps a bundle newer than the build', () => {
      write('dist/.tsbuildinfo', 20);
      write(BUNDLE, 10);
      expect(bundleIsStale(root)).to.equal(false);
    });
  });

  describe('the bundled server, started as npm start starts it', function () {
    this.timeout(300000);
    let dataDir: string;

    before(() => {
      // Brings dist/ and the bundle up to date, as npm start does.
      const built = spawnSync(process.execPath, [path.join(ROOT, 'bot', 'app', 'cli', 'ensureBuilt.cjs')], { cwd: ROOT, stdio: 'inherit' });
      expect(built.status).to.equal(0);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-data-'));
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('is a bundle, not a loader of the compiled files', () => {
      const source = fs.readFileSync(path.join(ROOT, BUNDLE), 'utf8');
      expect(source).to.not.match(/require\(["']\.\/index\.js["']\)/);
      expect(source).to.not.match(/require\(["']botbuilder["']\)/);
    });

    it("keeps each compiled file's own folder for __dirname (the content publish worker is found beside its module)", () => {
      const source = fs.readFileSync(path.join(ROOT, BUNDLE), 'utf8');
      expect(source).to.include(`join(__dirname,${JSON.stringify(path.join('..', 'features', 'content'))})`);
    });

    /** Starts the bundle as npm start does, asks one question once /healthz answers, and returns the card texts the connector received. */
    const askOnce = async (conversation: string, whileRunning?: () => Promise<void>): Promise<string[]> => {
      const connector = new FakeConnector();
      const serviceUrl = await connector.start();
      const { child, url } = await startBotProcess([path.join(ROOT, 'bot', 'app', 'cli', 'startBundle.cjs')], {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        REDIS_URL: '',
      });
      try {
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            channelId: 'msteams',
            serviceUrl,
            from: { id: '29:user-1' },
            recipient: { id: '28:bot' },
            conversation: { id: conversation, conversationType: 'personal' },
            text: 'whats a caf?',
          }),
        });
        expect(res.status).to.be.oneOf([200, 201, 202]);
        await whileRunning?.();
      } finally {
        await stopProcess(child);
        await connector.stop();
      }
      return connector.calls
        .flatMap((c) => (c.body?.attachments as { content?: { fallbackText?: string } }[] | undefined) ?? [])
        .map((a) => a.content?.fallbackText ?? '');
    };
    const cacheFile = () => cacheFileOf(fs.readFileSync(path.join(ROOT, BUNDLE), 'utf8'));

    it('migrates a new database and answers a question correctly as soon as /healthz says ready', async () => {
      fs.rmSync(cacheFile(), { force: true });
      // The first start has no code cache and writes one a few seconds after start-up.
      const waitForCache = async () => {
        for (let i = 0; i < 200 && !fs.existsSync(cacheFile()); i++) await new Promise((r) => setTimeout(r, 100));
      };
      const texts = await askOnce('a:bundle-1', waitForCache);
      expect(
        texts.some((t) => /^Common Assessment Framework \(CAF\)/.test(t)),
        texts.join(' | '),
      ).to.equal(true);
      expect(fs.existsSync(path.join(dataDir, 'staffbot.db'))).to.equal(true);
      expect(fs.existsSync(cacheFile()), 'the code cache was written').to.equal(true);
    });

    it('answers just as correctly when started from the code cache', async () => {
      expect(fs.existsSync(cacheFile()), 'the previous test left a code cache').to.equal(true);
      const texts = await askOnce('a:bundle-2');
      expect(
        texts.some((t) => /^Common Assessment Framework \(CAF\)/.test(t)),
        texts.join(' | '),
      ).to.equal(true);
    });
  });
});
