#!/usr/bin/env node
// Runs before `npm start`. Plain JavaScript because it runs before anything is compiled: it
// compiles the TypeScript only when a source file is newer than the last build, so a fresh clone
// (built once by `npm ci`, through the `prepare` script) starts at once.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { bundleIsStale, bundleServer } = require('./bundleServer.cjs');

/** Folders and files whose changes need a new build (the same set tsconfig.build.json compiles). */
const SOURCE_ROOTS = ['bot', 'dialogs', 'knowledge', 'manifest'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];
const BUILD_STAMP = path.join('dist', '.tsbuildinfo');

/** The first source file (or config) newer than the build stamp, or null when the build is current. */
function firstChangedSource(root) {
  const stampPath = path.join(root, BUILD_STAMP);
  if (!fs.existsSync(stampPath)) return BUILD_STAMP;
  const builtAt = fs.statSync(stampPath).mtimeMs;
  for (const file of CONFIG_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full) && fs.statSync(full).mtimeMs > builtAt) return file;
  }
  const pending = SOURCE_ROOTS.map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));
  while (pending.length) {
    const dir = pending.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'build') pending.push(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && fs.statSync(full).mtimeMs > builtAt) {
        return path.relative(root, full);
      }
    }
  }
  return null;
}

/** Compiles with the project's own TypeScript; returns the compiler's exit code. */
function compile(root) {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  return spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

/** Compiles when a source changed, then bundles when the bundle is older than the build. */
async function main() {
  const root = process.cwd();
  const status = compileIfChanged(root);
  if (status !== 0 || !bundleIsStale(root)) return status;
  await bundleServer(root);
  return 0;
}

/** Compiles when a source file or config is newer than the last build; returns the exit code. */
function compileIfChanged(root) {
  const changed = firstChangedSource(root);
  if (!changed) return 0;
  const reason = changed === BUILD_STAMP ? 'there is no build yet' : `${changed} changed since the last build`;
  console.log(`Compiling the TypeScript first, because ${reason} (this takes about half a minute)…`);
  const status = compile(root);
  if (status !== 0) {
    // tsc still writes its stamp after errors; removing it makes the next start compile again.
    fs.rmSync(path.join(root, BUILD_STAMP), { force: true });
    console.error('The TypeScript did not compile; fix the errors above, then run npm start again.');
  }
  return status;
}

if (require.main === module)
  main().then(
    (status) => (process.exitCode = status),
    (err) => {
      console.error('Could not bundle the server:', err.message);
      process.exitCode = 1;
    },
  );
module.exports = { firstChangedSource };
