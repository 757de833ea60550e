// Maps stack frames in the bundled server back to the TypeScript sources, reading the source map
// only when a stack trace is first formatted. Node's --enable-source-maps would parse the whole
// map at start-up (a third of a second) and does not see a bundle run through vm.Script.
'use strict';
const fs = require('node:fs');
const { SourceMap } = require('node:module');
const path = require('node:path');

/** One frame as V8 prints it, with the bundle's position replaced by the source's when the map knows it. */
function formatFrame(frame, bundle, sourceMap) {
  const file = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (file !== bundle || line === null || column === null) return `    at ${frame}`;
  const entry = sourceMap().findEntry(line - 1, column - 1);
  if (!entry || !entry.originalSource) return `    at ${frame}`;
  const source = path.resolve(path.dirname(bundle), entry.originalSource.replace(/^file:\/\//, ''));
  const where = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const name = frame.getFunctionName();
  const typeName = frame.isToplevel() || frame.isConstructor() ? null : frame.getTypeName();
  const method = frame.getMethodName();
  const caller = name ? (typeName && method && !name.startsWith(typeName) ? `${typeName}.${name}` : name) : typeName && method ? `${typeName}.${method}` : null;
  const prefix = `${frame.isAsync() ? 'async ' : ''}${frame.isConstructor() ? 'new ' : ''}`;
  return caller ? `    at ${prefix}${caller} (${where})` : `    at ${prefix}${where}`;
}

/** Installs the mapping for one bundle file; frames from other files print as V8 prints them. */
function mapBundleStackTraces(bundle) {
  let loaded;
  const sourceMap = () => {
    loaded ??= new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8')));
    return loaded;
  };
  Error.prepareStackTrace = (error, frames) => {
    let header;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = '<error>';
    }
    try {
      return [header, ...frames.map((frame) => formatFrame(frame, bundle, sourceMap))].join('\n');
    } catch {
      // A missing or damaged map must never hide the error itself.
      return [header, ...frames.map((frame) => `    at ${frame}`)].join('\n');
    }
  };
}

module.exports = { mapBundleStackTraces };
