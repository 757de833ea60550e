import { parentPort } from 'node:worker_threads';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { SavedEntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { withDerivedTables } from '../../../knowledge/derivedTables';
import { SavedSearchTables } from '../../../knowledge/savedSearchTables';
import { typedArrayBuffers } from '../../../knowledge/typedArrayFields';
import { rememberNormalisation } from '../../../knowledge/normalisationMemo';

/** What the worker is sent: the entries to build and the hash their profiles are tagged with. */
export interface BuildRequest {
  entries: KnowledgeEntry[];
  contentHash: string;
}

/** What it answers: the serialised lunr index, profiles and search tables (as in the built file), or why the build failed. */
export type BuildReply =
  { ok: true; index: object; profiles: SavedEntryProfiles; tables: SavedSearchTables; startedAt: number; sentAt: number } | { ok: false; error: string };

/** Now, as ms since the epoch, comparable across threads (and, on one machine, across processes). */
const epochMs = () => performance.timeOrigin + performance.now();

/** Builds everything slow about a knowledge base; the caller's thread only loads the result. */
export function buildForTransfer({ entries, contentHash }: BuildRequest): BuildReply {
  const startedAt = epochMs();
  try {
    const index = buildIndex(entries);
    const { profiles, tables } = withDerivedTables({ entries, index, contentHash });
    return { ok: true, index: index.toJSON(), profiles, tables, startedAt, sentAt: epochMs() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

// Runs in a worker thread: answers each request with its built knowledge base, its numeric tables moved across rather than copied.
// Builds remember their normalised texts, so one after a publish re-reads only the entries that changed.
if (parentPort) {
  const port = parentPort;
  const memo = rememberNormalisation();
  port.on('message', (request: BuildRequest) => {
    memo.nextBuild();
    const reply = buildForTransfer(request);
    port.postMessage(reply, reply.ok ? typedArrayBuffers({ profiles: reply.profiles, tables: reply.tables }) : []);
  });
}
