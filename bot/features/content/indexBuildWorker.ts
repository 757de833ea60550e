import { parentPort } from 'node:worker_threads';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { SavedEntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { withDerivedTables } from '../../../knowledge/derivedTables';
import { SavedSearchTables } from '../../../knowledge/savedSearchTables';
import { typedArrayBuffers } from '../../../knowledge/typedArrayFields';
import { rememberNormalisation } from '../../../knowledge/normalisationMemo';
import { rememberProfileCounts } from '../../../knowledge/profileCountsMemo';

/** What the worker is sent: the entries to build and the hash their profiles are tagged with; a warm-up only builds, to fill the memos, and sends nothing back but that it is done. */
export interface BuildRequest {
  entries: KnowledgeEntry[];
  contentHash: string;
  warmUp?: boolean;
}

/** How much of a build the worker's memos answered: texts and profile examples remembered from earlier builds, and those worked out afresh. */
export interface BuildReuse {
  remembered: number;
  computed: number;
}

/** What it answers: the serialised lunr index, profiles and search tables (as in the built file), or why the build failed. */
export type BuildReply =
  | { ok: true; index: object; profiles: SavedEntryProfiles; tables: SavedSearchTables; startedAt: number; sentAt: number; reuse?: BuildReuse }
  | { ok: true; warmedUp: true; reuse?: BuildReuse }
  | { ok: false; error: string };

/** Now, as ms since the epoch, comparable across threads (and, on one machine, across processes). */
const epochMs = () => performance.timeOrigin + performance.now();

/** Builds everything slow about a knowledge base; the caller's thread only loads the result. */
export function buildForTransfer({ entries, contentHash }: BuildRequest): Exclude<BuildReply, { warmedUp: true }> {
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
// Builds remember their normalised texts and profile counts, so one after a publish re-reads only the entries that changed.
if (parentPort) {
  const port = parentPort;
  const memo = rememberNormalisation();
  const counts = rememberProfileCounts();
  port.on('message', (request: BuildRequest) => {
    memo.nextBuild();
    counts.nextBuild();
    const before = { remembered: memo.remembered + counts.remembered, computed: memo.computed + counts.computed };
    const built = buildForTransfer(request);
    const reuse = { remembered: memo.remembered + counts.remembered - before.remembered, computed: memo.computed + counts.computed - before.computed };
    if (!built.ok) port.postMessage(built);
    else if (request.warmUp) port.postMessage({ ok: true, warmedUp: true, reuse } satisfies BuildReply);
    else port.postMessage({ ...built, reuse }, typedArrayBuffers({ profiles: built.profiles, tables: built.tables }));
  });
}
