import { z } from 'zod';
import { ContentProblem } from '../../../knowledge/contentLoader';
import { validateEntries } from '../../../knowledge/contentValidator';
import { entryFrontMatterSchema, KnowledgeEntry, toEntry } from '../../../knowledge/entry';
import { frontMatterOf } from './entryMarkdown';

/** One thing wrong with an entry as sent: the field (as the API names it) and what to do about it. */
export interface EntryProblem {
  field: string;
  message: string;
}

export type CheckedEntry = { ok: true; entry: KnowledgeEntry; warnings: string[] } | { ok: false; problems: EntryProblem[] };

/** Fields of a request that are about the request, not the entry (the concurrency token). */
const REQUEST_FIELDS = new Set(['version']);

/** The field a cross-entry problem belongs to, read from its message (the validator names it first). */
function fieldOfMessage(message: string): string {
  if (message.startsWith('alias')) return 'aliases';
  if (message.startsWith('related') || message.includes('related to itself')) return 'related';
  if (message.startsWith('duplicate id')) return 'id';
  if (message.startsWith('review date')) return 'review_by';
  return 'entry';
}

const problemOfIssue = (issue: z.core.$ZodIssue): EntryProblem =>
  issue.code === 'unrecognized_keys'
    ? {
        field: 'request',
        message: `${issue.message}; an entry has id, title, kind, acronyms, aliases, questions, tags, summary, source, authority, owner, review_by, status, status_note, related and body`,
      }
    : { field: issue.path.join('.') || 'entry', message: `${issue.path.join('.') || 'entry'}: ${issue.message}` };

/**
 * Checks an entry as an editor or the admin API sends it (the front-matter fields, `questions` and
 * `body`), applied over `base` when editing, with the same checks as `npm run kb:check`: every field
 * on its own and then against the other live entries (`others`, which must not include this one).
 */
export function checkEntryInput(input: Record<string, unknown>, others: readonly KnowledgeEntry[], base?: KnowledgeEntry): CheckedEntry {
  const fields: Record<string, unknown> = { ...(base ? frontMatterOf(base) : {}), body: base?.body };
  for (const [key, value] of Object.entries(input)) if (!REQUEST_FIELDS.has(key)) fields[key] = value;
  if (base && fields.id !== base.id)
    return { ok: false, problems: [{ field: 'id', message: `id: an entry's id cannot change (this is "${base.id}"); create a new entry instead` }] };
  // null clears an optional field such as status_note.
  for (const key of Object.keys(fields)) if (fields[key] === null) delete fields[key];
  const { body, ...front } = fields;
  const problems: EntryProblem[] = [];
  if (typeof body !== 'string' || !body.trim()) problems.push({ field: 'body', message: 'body: the answer text must not be empty' });
  const parsed = entryFrontMatterSchema.safeParse(front);
  if (!parsed.success) problems.push(...parsed.error.issues.map(problemOfIssue));
  if (!parsed.success || problems.length) return { ok: false, problems };
  const entry = toEntry(parsed.data, body as string);
  const crossChecks: ContentProblem[] = validateEntries([...others.filter((e) => e.id !== entry.id), entry]).filter((p) => p.file === `${entry.id}.md`);
  const errors = crossChecks.filter((p) => p.level === 'error');
  if (errors.length) return { ok: false, problems: errors.map((p) => ({ field: fieldOfMessage(p.message), message: p.message })) };
  return { ok: true, entry, warnings: crossChecks.filter((p) => p.level === 'warning').map((p) => p.message) };
}
