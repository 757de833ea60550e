import { Kysely } from 'kysely';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock } from '../../platform/store/timestamps';
import { PublishedVersion, ReviewedRecord, ReviewedRecords } from '../../platform/store/reviewedRecords';
import { describeChanges } from './entryDiff';

export { editorKey } from '../../platform/store/reviewedRecords';
export type { WriteRefusal, WriteResult } from '../../platform/store/reviewedRecords';

/** Who wrote the versions that came from the shipped Markdown files (never a person). */
export const SHIPPED_FILES = 'shipped files';

/** An entry as editors see it: the live text, any draft over it, and the revision an edit must name. */
export type ContentRecord = ReviewedRecord<KnowledgeEntry>;

/** One published version of an entry. */
export type ContentVersion = PublishedVersion<KnowledgeEntry>;

/**
 * The knowledge entries content owners edit, in the database (content_entries and its versions),
 * reviewed like every edited content; every publish bumps the "knowledge" revision replicas poll.
 */
export class ContentEntries extends ReviewedRecords<KnowledgeEntry> {
  constructor(db: Kysely<DatabaseSchema>, now: Clock) {
    super(db, now, {
      records: 'content_entries',
      versions: 'content_versions',
      revisionName: 'knowledge',
      keyOf: (entry) => entry.id,
      describe: describeChanges,
    });
  }

  /** Every live entry, by id: what staff are answered from. */
  liveEntries(): Promise<KnowledgeEntry[]> {
    return this.liveRecords();
  }

  /** The live entries with every draft applied (new entries included): what the test pane asks. */
  draftEntries(): Promise<KnowledgeEntry[]> {
    return this.draftRecords();
  }
}
