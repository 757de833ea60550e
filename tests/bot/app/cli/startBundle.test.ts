import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

// The launcher is plain JavaScript (npm start runs it before any compiled code), so it is loaded with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cacheFileOf } = require('../../../../bot/app/cli/startBundle.cjs') as { cacheFileOf: (source: string) => string };

describe('startBundle (npm start runs the bundle with V8 code caching)', () => {
  it('never offers one build the cache of another build of the same length', () => {
    expect(cacheFileOf('module.exports = 1;')).to.not.equal(cacheFileOf('module.exports = 2;'));
    expect(cacheFileOf('module.exports = 1;')).to.equal(cacheFileOf('module.exports = 1;'));
    expect(path.basename(cacheFileOf('x'))).to.match(/^index\.bundle\.js\.[0-9a-f]{16}\.cache$/);
  });

  it('runs the bundle as a CommonJS module, with the require, __dirname and module Node would give it', function () {
    this.timeout(60000);
    // Through a copy of the launcher beside a bundle of its own, so the real dist/ is left alone.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'start-bundle-'));
    const launcher = path.join(root, 'bot', 'app', 'cli', 'startBundle.cjs');
    fs.mkdirSync(path.dirname(launcher), { recursive: true });
    for (const file of ['startBundle.cjs', 'bundleStackTraces.cjs'])
      fs.copyFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'bot', 'app', 'cli', file), path.join(path.dirname(launcher), file));
    const bundle = path.join(root, 'dist', 'bot', 'app', 'index.bundle.js');
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    fs.writeFileSync(
      bundle,
      "const os = require('node:os'); console.log(JSON.stringify({ dirname: __dirname, filename: __filename, main: typeof module.exports, tmp: typeof os.tmpdir }));",
    );
    const child = spawn(process.execPath, [launcher], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    return new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => {
        try {
          expect(code).to.equal(0);
          expect(JSON.parse(out)).to.deep.equal({ dirname: path.dirname(bundle), filename: bundle, main: 'object', tmp: 'function' });
          resolve();
        } catch (err) {
          reject(err as Error);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      });
    });
  });
});
