import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { buildSync } from 'esbuild';

// The stack trace mapping is plain JavaScript (the launcher loads it before any compiled code), so it is loaded with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mapBundleStackTraces } = require('../../../../bot/app/cli/bundleStackTraces.cjs') as { mapBundleStackTraces: (bundle: string) => void };

describe('bundleStackTraces (errors in the bundle name the TypeScript source)', () => {
  let dir: string;
  const previous = Error.prepareStackTrace;

  beforeEach(() => {
    // ts-node's own source map support would map the bundle too; only V8's plain traces are left, as in production.
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-stack-'));
    fs.writeFileSync(
      path.join(dir, 'helper.ts'),
      'export function explode(): never {\n  const reason: string = "on purpose";\n  throw new Error(reason);\n}\n',
    );
    fs.writeFileSync(path.join(dir, 'main.ts'), 'import { explode } from "./helper";\n\nexport function run(): void {\n  explode();\n}\n');
    buildSync({
      entryPoints: [path.join(dir, 'main.ts')],
      outfile: path.join(dir, 'out.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      sourcemap: 'linked',
      sourcesContent: false,
      minifyWhitespace: true,
      keepNames: true,
      logLevel: 'silent',
    });
  });
  afterEach(() => {
    Error.prepareStackTrace = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const stackOfRun = (): string => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { run } = require(path.join(dir, 'out.js')) as { run: () => void };
    try {
      run();
    } catch (err) {
      return (err as Error).stack ?? '';
    }
    throw new Error('run() did not throw');
  };

  it('names the source file, line and function of each frame in the bundle', () => {
    mapBundleStackTraces(path.join(dir, 'out.js'));
    const stack = stackOfRun();
    expect(stack).to.match(/^Error: on purpose\n/);
    expect(stack).to.include(`explode (${path.join(dir, 'helper.ts')}:3:`);
    expect(stack).to.include(`run (${path.join(dir, 'main.ts')}:4:`);
  });

  it('still prints the bundle positions when the map is missing', () => {
    fs.rmSync(path.join(dir, 'out.js.map'));
    mapBundleStackTraces(path.join(dir, 'out.js'));
    const stack = stackOfRun();
    expect(stack).to.match(/^Error: on purpose\n/);
    expect(stack).to.include(`${path.join(dir, 'out.js')}:`);
  });
});
