#!/usr/bin/env node
// Bundles the compiled server (dist/bot/app/index.js) into one file for `npm start`: Node then
// reads and compiles one file instead of resolving and reading about two thousand, which is most
// of the start-up time. Plain JavaScript because it runs right after tsc, from `prepare` and
// ensureBuilt.cjs. Tests and scripts keep running the sources through ts-node.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The file `npm start` runs, beside the compiled index.js so relative paths agree. */
const BUNDLE = path.join('dist', 'bot', 'app', 'index.bundle.js');
const ENTRY = path.join('dist', 'bot', 'app', 'index.js');

/**
 * Packages left to Node's own loader: native addons (better-sqlite3 finds its .node file through
 * `bindings`), pino (its transports start worker threads from file paths), optional packages
 * that are not installed (pg-native, dtrace-provider), and the large libraries the bot loads only
 * when first needed (the name finder, the yes/no prompts' recognizers), so start-up does not
 * compile them.
 */
const EXTERNAL = ['better-sqlite3', 'pino', 'pg-native', 'dtrace-provider', 'cpu-features', 'ssh2', 'compromise', '@microsoft/recognizers-text*'];

/**
 * Keeps `__dirname` and `__filename` of the project's own compiled files meaning their place in
 * dist/ (migration folders, worker scripts and projectRoot() rely on it), as they did unbundled.
 */
function keepFilePaths(root) {
  const dist = path.join(root, 'dist') + path.sep;
  return {
    name: 'keep-file-paths',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(dist)) return undefined;
        const source = fs.readFileSync(args.path, 'utf8');
        if (!/\b__(?:dirname|filename)\b/.test(source)) return undefined;
        const bundleDir = path.dirname(path.join(root, BUNDLE));
        const fromBundle = (target) => `require("node:path").join(__dirname, ${JSON.stringify(path.relative(bundleDir, target))})`;
        const prelude = `var __filename_ = ${fromBundle(args.path)}, __dirname_ = ${fromBundle(path.dirname(args.path))};`;
        // The prelude goes on the first line so the compiled file's source map still lines up.
        const contents = prelude + source.replace(/\b__dirname\b/g, '__dirname_').replace(/\b__filename\b/g, '__filename_');
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** esbuild when installed (it is a devDependency, so an install without them has none). */
function findEsbuild(root) {
  try {
    return require(require.resolve('esbuild', { paths: [root] }));
  } catch {
    return undefined;
  }
}

/**
 * Writes the bundle and its source map. Without esbuild the "bundle" only loads the compiled
 * index.js, so `npm start` still works, just as slowly as before; returns whether it bundled.
 */
async function bundleServer(root = process.cwd()) {
  const esbuild = findEsbuild(root);
  if (!esbuild) {
    console.warn('esbuild is not installed, so the server starts unbundled (slower); `npm ci` installs it.');
    fs.rmSync(path.join(root, `${BUNDLE}.map`), { force: true });
    fs.writeFileSync(path.join(root, BUNDLE), "'use strict';\n// Written without esbuild: loads the compiled files one by one.\nrequire('./index.js');\n");
    return false;
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, ENTRY)],
    outfile: path.join(root, BUNDLE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Identifiers keep their names so stack traces and logged errors stay readable; whitespace goes.
    minifyWhitespace: true,
    keepNames: true,
    sourcemap: 'linked',
    // The map points at files on disk; copying their text in would triple its size and its parse at start-up.
    sourcesContent: false,
    external: EXTERNAL,
    logLevel: 'warning',
    plugins: [keepFilePaths(root)],
  });
  return true;
}

/** True when the bundle is missing or older than the compiled entry (so older than the last build). */
function bundleIsStale(root = process.cwd()) {
  const bundle = path.join(root, BUNDLE);
  const stamp = path.join(root, 'dist', '.tsbuildinfo');
  if (!fs.existsSync(bundle)) return true;
  return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > fs.statSync(bundle).mtimeMs;
}

if (require.main === module)
  bundleServer().catch((err) => {
    console.error('Could not bundle the server:', err.message);
    process.exitCode = 1;
  });
module.exports = { bundleServer, bundleIsStale, BUNDLE };
