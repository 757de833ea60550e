#!/usr/bin/env node
// Runs the bundled server (dist/bot/app/index.bundle.js) for `npm start` with V8's code cache:
// the functions the last start compiled are loaded ready-made instead of compiled again, which
// Node 20 cannot do by itself (module.enableCompileCache came in Node 22). Plain JavaScript so it
// runs before, and apart from, the compiled code.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { mapBundleStackTraces } = require('./bundleStackTraces.cjs');

const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'bot', 'app', 'index.bundle.js');

/** How long after start-up the cache is written: the compiled functions by then include the first turns'. */
const WRITE_CACHE_AFTER_MS = 5000;

/**
 * The cache's file, named after the bundle's digest: V8 checks only a cache's length and flags
 * against the source, so a cache from another build of the same length must never be offered.
 */
function cacheFileOf(source) {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${BUNDLE}.${digest}.cache`;
}

/** Writes the cache atomically, removing caches of older bundles; a read-only dist/ only loses the speed-up. */
function writeCache(script, cacheFile) {
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
    const dir = path.dirname(BUNDLE);
    const prefix = `${path.basename(BUNDLE)}.`;
    for (const name of fs.readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.cache') && path.join(dir, name) !== cacheFile) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // No cache this time: the next start compiles as this one did.
  }
}

/** Loads the bundle as Node would load a CommonJS file, but through a script that takes the cache. */
function startBundle() {
  if (fs.existsSync(`${BUNDLE}.map`)) mapBundleStackTraces(BUNDLE);
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const cacheFile = cacheFileOf(source);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const bundleModule = new Module(BUNDLE, module);
  bundleModule.filename = BUNDLE;
  bundleModule.paths = Module._nodeModulePaths(path.dirname(BUNDLE));
  const run = script.runInThisContext({ displayErrors: true });
  if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(script, cacheFile), WRITE_CACHE_AFTER_MS).unref();
  run.call(bundleModule.exports, bundleModule.exports, Module.createRequire(BUNDLE), bundleModule, BUNDLE, path.dirname(BUNDLE));
}

if (require.main === module) startBundle();
module.exports = { cacheFileOf };
