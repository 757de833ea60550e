import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

/** Runs a tool's command line in the project root and returns its exit code and output, without throwing on failure. */
async function tool(script: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, script), ...args], { cwd: root, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('code style', function () {
  this.timeout(600000);

  it('eslint (typescript-eslint recommended, eslint.config.mjs) reports nothing', async () => {
    const { code, output } = await tool('node_modules/eslint/bin/eslint.js', ['--max-warnings', '0', '.']);
    expect(code, output).to.equal(0);
  });

  it('prettier finds every file formatted (npm run format fixes them)', async () => {
    const { code, output } = await tool('node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']);
    expect(code, output).to.equal(0);
  });
});
