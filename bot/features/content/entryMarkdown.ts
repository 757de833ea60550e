import yaml from 'js-yaml';
import { KnowledgeEntry } from '../../../knowledge/entry';

/** An entry's front matter as content owners write it (the field names of knowledge/content/*.md). */
export interface EntryFrontMatter {
  id: string;
  title: string;
  kind: KnowledgeEntry['kind'];
  acronyms: string[];
  aliases: string[];
  questions: string[];
  tags: string[];
  summary: string;
  source: string;
  authority: KnowledgeEntry['authority'];
  owner: string;
  review_by: string;
  status: KnowledgeEntry['status'];
  status_note?: string;
  related: string[];
}

/** The front matter of an entry, in the order the shipped files use. */
export function frontMatterOf(entry: KnowledgeEntry): EntryFrontMatter {
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    acronyms: entry.acronyms,
    aliases: entry.aliases,
    questions: entry.questions,
    tags: entry.tags,
    summary: entry.summary,
    source: entry.source,
    authority: entry.authority,
    owner: entry.owner,
    review_by: entry.reviewBy,
    status: entry.status,
    ...(entry.statusNote !== undefined ? { status_note: entry.statusNote } : {}),
    related: entry.related,
  };
}

/** An entry as a Markdown file that `parseEntryFile` reads back to the same entry. */
export function entryToMarkdown(entry: KnowledgeEntry): string {
  // The date stays a quoted string so YAML never turns it into a timestamp with a time zone.
  const front = yaml.dump(frontMatterOf(entry), { lineWidth: 100, quotingType: '"', noRefs: true });
  return `---\n${front}---\n${entry.body.trim()}\n`;
}
