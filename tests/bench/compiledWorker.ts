import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../knowledge/projectRoot';

/**
 * Gives a worker fixture as compiled JavaScript, as a production restart runs it (`npm start` runs
 * dist/): dist/ is brought up to date the way `npm start` does, then the fixture alone is compiled
 * to its mirrored place under dist/, so its relative imports reach the compiled modules.
 */
export function compiledWorker(source: string): string {
  const root = projectRoot();
  const built = spawnSync(process.execPath, [path.join(root, 'bot', 'app', 'cli', 'ensureBuilt.cjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the TypeScript did not compile, so there is no compiled worker to run');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.build.json could not be read');
  const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), { compilerOptions: config.options, fileName: source });
  const target = path.join(root, 'dist', path.relative(root, source)).replace(/\.ts$/, '.js');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, outputText);
  return target;
}
