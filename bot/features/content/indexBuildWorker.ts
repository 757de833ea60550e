import { parentPort } from 'node:worker_threads';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { EntryProfiles, SavedEntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { acronymWords } from '../../../knowledge/normalise';

/** What the worker is sent: the entries to build and the hash their profiles are tagged with. */
export interface BuildRequest {
  entries: KnowledgeEntry[];
  contentHash: string;
}

/** What it answers: the serialised lunr index and profiles (as in the built file), or why the build failed. */
export type BuildReply = { ok: true; index: object; profiles: SavedEntryProfiles; sentAt: number } | { ok: false; error: string };

/** Builds everything slow about a knowledge base; the caller's thread only loads the result. */
export function buildForTransfer({ entries, contentHash }: BuildRequest): BuildReply {
  try {
    const index = buildIndex(entries).toJSON();
    const profiles = new EntryProfiles(entries, acronymWords(entries)).save(contentHash);
    return { ok: true, index, profiles, sentAt: performance.timeOrigin + performance.now() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

// Runs in a worker thread: answers each request with its built knowledge base.
parentPort?.on('message', (request: BuildRequest) => parentPort?.postMessage(buildForTransfer(request)));
