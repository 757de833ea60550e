import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { buildCodeSteps, warmUpSteps } from '../../../knowledge/buildWarmUp';
import { readBuiltEntries } from '../../../knowledge/builtEntries';
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
 * warm-up only fills the memos and runs the build's code, and sends nothing back but that it is
 * done (or gave way to a build). `id` is echoed in the reply, since a build's reply can overtake a warm-up's.
 */
export interface BuildRequest {
  id: number;
  entries: KnowledgeEntry[];
  contentHash: string;
  warmUp?: boolean;
  /** A warm-up whose entries (and content hash) the worker reads from this built knowledge base file itself, so it can start before the caller has them. */
  builtFile?: string;
}

/** How much of a build the worker's memos answered: texts and profile examples remembered from earlier builds, and those worked out afresh. */
export interface BuildReuse {
  remembered: number;
  computed: number;
}

/** What it answers: the serialised lunr index, profiles and search tables (as in the built file), or why the build failed. */
export type BuildReply =
  | { ok: true; index: object; profiles: SavedEntryProfiles; tables: SavedSearchTables; startedAt: number; sentAt: number; reuse?: BuildReuse }
  | { ok: true; warmedUp: true; reuse?: BuildReuse; gaveWay?: boolean; builtCodeOver?: number }
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
// A warm-up reads one entry per turn of the worker's event loop, then runs the build's code one small slice per turn; a build
// that arrives meanwhile takes over at once: the warm-up stops where it is, and the build reuses what it got through instead of
// waiting for the rest. A warm-up for content already warmed (or being warmed) joins that one rather than starting again.
if (parentPort) {
  const port = parentPort;
  const memo = rememberNormalisation();
  const counts = rememberProfileCounts();
  const tally = () => ({ remembered: memo.remembered + counts.remembered, computed: memo.computed + counts.computed });
  const since = (before: BuildReuse): BuildReuse => {
    const now = tally();
    return { remembered: now.remembered - before.remembered, computed: now.computed - before.computed };
  };
  /**
   * The warm-up under way or last run: its content, whether a request told it to stop, whether it
   * still goes slowly, the requests it answers, and (once it ran to the end) what a later one for the same content is told.
   */
  let warming: { contentHash: string; stop: boolean; paced: boolean; ids: number[]; ended?: BuildReply } | undefined;
  /** Between two steps of a paced warm-up the worker rests this many times as long as the step took, leaving the CPU to the process's start-up. */
  const PACED_REST = 3;
  const restAfter = async (run: NonNullable<typeof warming>, stepStarted: number) => {
    if (run.paced) await sleep(Math.ceil((performance.now() - stepStarted) * PACED_REST));
    else await nextTurn();
  };
  const answer = (reply: BuildReply, ids: number[]) => {
    for (const id of ids) port.postMessage({ ...reply, id } satisfies IdentifiedReply);
  };

  const warmUp = async (request: BuildRequest): Promise<void> => {
    const source = request.builtFile ? readBuiltEntries(request.builtFile) : request;
    // A warm-up from the built file runs while the process is still starting, so it goes slowly until the same content is asked for again (start-up is then past loading).
    const run: NonNullable<typeof warming> = { contentHash: source?.contentHash ?? '', stop: false, paced: request.builtFile !== undefined, ids: [request.id] };
    warming = run;
    memo.nextBuild();
    counts.nextBuild();
    const before = tally();
    let builtCodeOver = 0;
    try {
      const entries = source?.entries ?? [];
      let stepStarted = performance.now();
      for (const step of warmUpSteps(entries)) {
        void step;
        await restAfter(run, stepStarted);
        if (run.stop) break;
        stepStarted = performance.now();
      }
      if (!run.stop)
        for (const built of buildCodeSteps(entries)) {
          builtCodeOver += built;
          await restAfter(run, stepStarted);
          if (run.stop) break;
          stepStarted = performance.now();
        }
      answer({ ok: true, warmedUp: true, reuse: since(before), gaveWay: run.stop, builtCodeOver }, run.ids);
      if (!run.stop) run.ended = { ok: true, warmedUp: true, reuse: { remembered: 0, computed: 0 }, gaveWay: false, builtCodeOver: 0 };
    } catch (err) {
      answer({ ok: false, error: err instanceof Error ? err.message : String(err) }, run.ids);
    }
  };

  /** A warm-up for the content already warmed (or being warmed) joins it instead of starting again. */
  const joined = (request: BuildRequest): boolean => {
    if (!request.warmUp || request.builtFile || !warming || warming.stop || warming.contentHash !== request.contentHash) return false;
    if (warming.ended) answer(warming.ended, [request.id]);
    else warming.ids.push(request.id);
    warming.paced = false;
    return true;
  };

  port.on('message', (request: BuildRequest) => {
    if (joined(request)) return;
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
