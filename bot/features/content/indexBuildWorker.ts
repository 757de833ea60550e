import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { warmUpSteps } from '../../../knowledge/buildWarmUp';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { SavedEntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { withDerivedTables } from '../../../knowledge/derivedTables';
import { SavedSearchTables } from '../../../knowledge/savedSearchTables';
import { typedArrayBuffers } from '../../../knowledge/typedArrayFields';
import { rememberNormalisation } from '../../../knowledge/normalisationMemo';
import { rememberProfileCounts } from '../../../knowledge/profileCountsMemo';

/**
 * What the worker is sent: the entries to build and the hash their profiles are tagged with; a
 * warm-up only fills the memos, and sends nothing back but that it is done (or gave way to a build).
 * `id` is echoed in the reply, since a build's reply can overtake a warm-up's.
 */
export interface BuildRequest {
  id: number;
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
  | { ok: true; warmedUp: true; reuse?: BuildReuse; gaveWay?: boolean }
  | { ok: false; error: string };

/** A reply with the id of the request it answers. */
export type IdentifiedReply = BuildReply & { id: number };

/** Now, as ms since the epoch, comparable across threads (and, on one machine, across processes). */
const epochMs = () => performance.timeOrigin + performance.now();

/** Builds everything slow about a knowledge base; the caller's thread only loads the result. */
export function buildForTransfer({ entries, contentHash }: Pick<BuildRequest, 'entries' | 'contentHash'>): Exclude<BuildReply, { warmedUp: true }> {
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
// A warm-up runs one entry per turn of the worker's event loop, and a build that arrives meanwhile takes over at once:
// the warm-up stops where it is, and the build reuses what it got through instead of waiting for the rest.
if (parentPort) {
  const port = parentPort;
  const memo = rememberNormalisation();
  const counts = rememberProfileCounts();
  const tally = () => ({ remembered: memo.remembered + counts.remembered, computed: memo.computed + counts.computed });
  const since = (before: BuildReuse): BuildReuse => {
    const now = tally();
    return { remembered: now.remembered - before.remembered, computed: now.computed - before.computed };
  };
  /** The warm-up under way, told to stop by the next request. */
  let warming: { stop: boolean } | undefined;

  const warmUp = async (request: BuildRequest): Promise<void> => {
    const run = { stop: false };
    warming = run;
    memo.nextBuild();
    counts.nextBuild();
    const before = tally();
    try {
      for (const step of warmUpSteps(request.entries)) {
        void step;
        await nextTurn();
        if (run.stop) break;
      }
      port.postMessage({ id: request.id, ok: true, warmedUp: true, reuse: since(before), gaveWay: run.stop } satisfies IdentifiedReply);
    } catch (err) {
      port.postMessage({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies IdentifiedReply);
    } finally {
      if (warming === run) warming = undefined;
    }
  };

  port.on('message', (request: BuildRequest) => {
    if (warming) warming.stop = true;
    if (request.warmUp) {
      void warmUp(request);
      return;
    }
    memo.nextBuild();
    counts.nextBuild();
    const before = tally();
    const built = buildForTransfer(request);
    if (!built.ok) port.postMessage({ ...built, id: request.id } satisfies IdentifiedReply);
    else
      port.postMessage(
        { ...built, id: request.id, reuse: since(before) } satisfies IdentifiedReply,
        typedArrayBuffers({ profiles: built.profiles, tables: built.tables }),
      );
  });
}
