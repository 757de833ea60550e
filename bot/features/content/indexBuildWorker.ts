import { parentPort } from 'node:worker_threads';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { SavedEntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { withDerivedTables } from '../../../knowledge/derivedTables';
import { SavedSearchTables } from '../../../knowledge/savedSearchTables';
import { typedArrayBuffers } from '../../../knowledge/typedArrayFields';
import { NormalisationMemo, rememberNormalisation } from '../../../knowledge/normalisationMemo';

/** What the worker is sent: the entries to build and the hash their profiles are tagged with. */
export interface BuildRequest {
  entries: KnowledgeEntry[];
  contentHash: string;
  /** Only read the entries, answering nothing: fills the memo at start-up, so the first publish's build is as quick as later ones. */
  prime?: boolean;
}

/** What it answers: the serialised lunr index, profiles and search tables (as in the built file), or why the build failed. */
export type BuildReply =
  | {
      ok: true;
      index: object;
      profiles: SavedEntryProfiles;
      tables: SavedSearchTables;
      startedAt: number;
      sentAt: number;
      /** Texts and words this build normalised afresh rather than remembered (0 where nothing is remembered). */
      normalisedAfresh: number;
    }
  | { ok: false; error: string };

/** Now, as ms since the epoch, comparable across threads (and, on one machine, across processes). */
const epochMs = () => performance.timeOrigin + performance.now();

/** Builds everything slow about a knowledge base; the caller's thread only loads the result. */
export function buildForTransfer({ entries, contentHash }: BuildRequest, memo?: NormalisationMemo): BuildReply {
  const startedAt = epochMs();
  const computedBefore = memo?.computed ?? 0;
  try {
    const index = buildIndex(entries);
    const { profiles, tables } = withDerivedTables({ entries, index, contentHash });
    return { ok: true, index: index.toJSON(), profiles, tables, startedAt, sentAt: epochMs(), normalisedAfresh: (memo?.computed ?? 0) - computedBefore };
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
    const reply = buildForTransfer(request, memo);
    if (request.prime) return;
    port.postMessage(reply, reply.ok ? typedArrayBuffers({ profiles: reply.profiles, tables: reply.tables }) : []);
  });
}
