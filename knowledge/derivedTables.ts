import lunr from 'lunr';
import { KnowledgeEntry } from './entry';
import { EntryProfiles, SavedEntryProfiles } from './entryProfiles';
import { acronymWords } from './normalise';
import { saveSearchTables, SavedSearchTables } from './savedSearchTables';
import { buildSearchTables } from './searchTables';

/** A knowledge base's parts the derived tables are built from (and any already built). */
interface Indexed {
  entries: KnowledgeEntry[];
  index: lunr.Index;
  contentHash: string;
  profiles?: SavedEntryProfiles;
  tables?: SavedSearchTables;
}

/**
 * Adds the entries' profiles and the search's tables to a knowledge base that lacks them (or has
 * them for other content), so whoever loads it only reads them. Kept apart from the file code so
 * the index worker loads no more than building needs.
 */
export function withDerivedTables<T extends Indexed>(kb: T): T & { profiles: SavedEntryProfiles; tables: SavedSearchTables } {
  const profiles = kb.profiles?.contentHash === kb.contentHash ? kb.profiles : new EntryProfiles(kb.entries, acronymWords(kb.entries)).save(kb.contentHash);
  const tables = kb.tables?.contentHash === kb.contentHash ? kb.tables : saveSearchTables(buildSearchTables(kb.entries, kb.index), kb.entries, kb.contentHash);
  return { ...kb, profiles, tables };
}
