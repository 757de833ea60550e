import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../knowledge/projectRoot';
import { DEFAULT_LEXICON_DIR, LexiconCategory, loadLexiconOrThrow } from '../../../knowledge/safeguarding/lexiconFile';
import { compileLexicon, Lexicon, ParsedPhrase } from './lexicon';

/**
 * The lexicon as `npm run train:safeguarding` last compiled it: checked categories and parsed
 * phrases, so start-up reads one JSON file instead of parsing and checking twenty YAML files
 * (well under 50 ms). A digest of the YAML says whether it still matches the content.
 */
export const COMPILED_LEXICON_PATH = path.join(projectRoot(), 'bot', 'features', 'safeguarding', 'trainedConcernLexicon.json');

interface CompiledLexiconFile {
  version: 1;
  /** sha256 over the lexicon folder's YAML file names and contents. */
  digest: string;
  categories: LexiconCategory[];
  phrases: ParsedPhrase[];
}

/** A digest of the lexicon's YAML files, names and contents, in name order. */
export function lexiconDigest(dir: string = DEFAULT_LEXICON_DIR): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()) {
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(dir, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Checks and compiles the lexicon from its YAML and writes the compiled file. */
export function writeCompiledLexicon(dir: string = DEFAULT_LEXICON_DIR, file: string = COMPILED_LEXICON_PATH): void {
  const categories = loadLexiconOrThrow(dir);
  const compiled: CompiledLexiconFile = { version: 1, digest: lexiconDigest(dir), categories, phrases: compileLexicon(categories) };
  fs.writeFileSync(file, `${JSON.stringify(compiled)}\n`);
}

/**
 * The shipped lexicon: from the compiled file when it matches the YAML, else (content edited
 * since the last training run) from the YAML itself, checked as ever, which is slower but never stale.
 */
export function loadShippedLexicon(dir: string = DEFAULT_LEXICON_DIR, file: string = COMPILED_LEXICON_PATH): { lexicon: Lexicon; compiled: boolean } {
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledLexiconFile;
    if (stored.version === 1 && stored.digest === lexiconDigest(dir)) return { lexicon: new Lexicon(stored.categories, stored.phrases), compiled: true };
  } catch {
    // A missing or unreadable compiled file: the YAML below is the source of truth.
  }
  return { lexicon: new Lexicon(loadLexiconOrThrow(dir)), compiled: false };
}
