import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Whether loading `module` in a fresh Node process also loads compromise. */
function loadsCompromise(module: string, then = ''): boolean {
  const script = `require(${JSON.stringify(module)}); ${then}; console.log(Object.keys(require.cache).some((k) => k.includes('node_modules/compromise/')))`;
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).to.equal(0);
  return run.stdout.trim().endsWith('true');
}

describe('the name finder library loads on first use, not at start-up', function () {
  this.timeout(60000);

  it("is not loaded by building the bot's modules", () => {
    expect(loadsCompromise('./bot/app/services')).to.equal(false);
  });

  it('is loaded by the first scrub that looks for names', () => {
    expect(
      loadsCompromise(
        './bot/platform/privacy/scrubPersonalDetails',
        "require('./bot/platform/privacy/scrubPersonalDetails').scrubPersonalDetails('ask Jane Smith')",
      ),
    ).to.equal(true);
  });
});
