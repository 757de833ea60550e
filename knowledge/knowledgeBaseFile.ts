import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import { DEFAULT_CONTENT_DIR, listContentFiles, loadContent, throwOnErrors } from './contentLoader';
import { validateEntries } from './contentValidator';
import { KnowledgeEntry } from './entry';
import { SavedEntryProfiles } from './entryProfiles';
import { buildIndex, FIELD_BOOSTS } from './indexBuilder';
import { normalisationFingerprint } from './normalise';
import { decodeTypedArrays, encodeTypedArrays } from './typedArrayFields';
import { withDerivedTables } from './derivedTables';
import { SavedSearchTables } from './savedSearchTables';
import { checkedBody, DEFAULT_KB_FILE, framedBody, KB_FORMAT } from './knowledgeBaseFraming';

export { DEFAULT_KB_FILE, KB_FORMAT } from './knowledgeBaseFraming';

/** The built knowledge base as saved on disk: entries plus the serialised lunr index. */
export interface KnowledgeBaseFile {
  format: number;
  contentHash: string;
  entries: KnowledgeEntry[];
  index: object;
  /** The entries' profiles, built once here so start-up does not rebuild them from the content. */
  profiles: SavedEntryProfiles;
  /** The search's derived tables, built once here for the same reason. */
  tables: SavedSearchTables;
}

/** A loaded knowledge base, ready to search. */
export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  index: lunr.Index;
  contentHash: string;
  /** Profiles saved with the build (the search builds its own when these are absent or for other content). */
  profiles?: SavedEntryProfiles;
  /** The search's derived tables saved with the build (the search builds its own when these are absent, stale or damaged). */
  tables?: SavedSearchTables;
}

/** Hashes the content files (names and bytes) and the indexing rules, so a stale build can be spotted cheaply. */
export function hashContent(dir: string = DEFAULT_CONTENT_DIR): string {
  const hash = crypto.createHash('sha256').update(`format:${KB_FORMAT}\n`).update(JSON.stringify(FIELD_BOOSTS)).update(normalisationFingerprint());
  for (const file of listContentFiles(dir)) hash.update(path.basename(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Loads, validates and indexes the content; refuses to build content with errors. */
export function buildKnowledgeBase(dir: string = DEFAULT_CONTENT_DIR): KnowledgeBase {
  const { entries, problems } = loadContent(dir);
  throwOnErrors([...problems, ...validateEntries(entries)], 'The knowledge content', dir);
  return withDerivedTables({ entries, index: buildIndex(entries), contentHash: hashContent(dir) });
}

/** Writes a built knowledge base to disk, atomically so a reader never sees half a file. */
export function saveKnowledgeBase(kb: KnowledgeBase, file: string = DEFAULT_KB_FILE): void {
  const { profiles, tables } = withDerivedTables(kb);
  const data: KnowledgeBaseFile = { format: KB_FORMAT, contentHash: kb.contentHash, entries: kb.entries, index: kb.index.toJSON(), profiles, tables };
  const body = Buffer.from(JSON.stringify(encodeTypedArrays(data)));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, framedBody(body));
  fs.renameSync(temp, file);
}

/** Reads a saved knowledge base; undefined when the file is missing, damaged (its digest does not match) or of another format. */
export function readKnowledgeBase(file: string = DEFAULT_KB_FILE): KnowledgeBase | undefined {
  if (!fs.existsSync(file)) return undefined;
  const body = checkedBody(fs.readFileSync(file));
  if (!body) return undefined;
  let data: KnowledgeBaseFile;
  try {
    data = decodeTypedArrays(JSON.parse(body.toString('utf8'))) as KnowledgeBaseFile;
  } catch {
    return undefined;
  }
  if (data.format !== KB_FORMAT) return undefined;
  return { entries: data.entries, index: lunr.Index.load(data.index), contentHash: data.contentHash, profiles: data.profiles, tables: data.tables };
}

/**
 * Loads the saved knowledge base, rebuilding it first when the content has changed since it was
 * built (this is what `npm start` relies on after a content edit).
 */
export function loadOrBuildKnowledgeBase(dir: string = DEFAULT_CONTENT_DIR, file: string = DEFAULT_KB_FILE): { kb: KnowledgeBase; rebuilt: boolean } {
  const saved = readKnowledgeBase(file);
  if (saved && saved.contentHash === hashContent(dir)) return { kb: saved, rebuilt: false };
  const kb = buildKnowledgeBase(dir);
  saveKnowledgeBase(kb, file);
  return { kb, rebuilt: true };
}
