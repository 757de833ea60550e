import { ContentProblem } from './contentLoader';
import { KnowledgeEntry } from './entry';
import { acronymWords, keyTerms, words } from './normalise';

const fileOf = (entry: KnowledgeEntry): string => `${entry.id}.md`;

/**
 * Checks what no single file can show: unique ids, names and questions that point at one entry
 * only, related links that resolve, and, when today's date is given, review dates that have passed
 * (a warning, so content still ships).
 */
export function validateEntries(entries: KnowledgeEntry[], today?: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push({ level: 'error', file: fileOf(entry), message: `duplicate id "${entry.id}"` });
    else ids.set(entry.id, entry);
  }

  const acronyms = acronymWords(entries);
  const nameOwners = new Map<string, { entry: KnowledgeEntry; name: string }>();
  for (const entry of entries) {
    const names = new Set([...entry.acronyms, ...entry.aliases].map((n) => n.trim()));
    const seenInEntry = new Set<string>();
    for (const name of names) {
      const key = keyTerms(name, acronyms).join(' ');
      if (!key) {
        problems.push({ level: 'error', file: fileOf(entry), message: `alias "${name}" has no searchable words` });
        continue;
      }
      if (seenInEntry.has(key)) continue;
      seenInEntry.add(key);
      const owner = nameOwners.get(key);
      if (owner && owner.entry.id !== entry.id) {
        problems.push({
          level: 'error',
          file: fileOf(entry),
          message: `alias "${name}" is also claimed by ${owner.entry.id} ("${owner.name}")`,
        });
      } else nameOwners.set(key, { entry, name });
    }
  }

  // A question listed under two entries teaches the index and the answer model two answers for one wording.
  const questionOwners = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    for (const question of entry.questions) {
      const key = words(question).join(' ');
      const owner = questionOwners.get(key);
      if (owner && owner.id !== entry.id) {
        problems.push({ level: 'error', file: fileOf(entry), message: `question "${question}" is also asked in ${owner.id}` });
      } else if (!owner) questionOwners.set(key, entry);
    }
  }

  for (const entry of entries) {
    for (const id of entry.related) {
      if (!ids.has(id)) problems.push({ level: 'error', file: fileOf(entry), message: `related entry "${id}" does not exist` });
      if (id === entry.id) problems.push({ level: 'error', file: fileOf(entry), message: 'an entry cannot be related to itself' });
    }
    if (today !== undefined && entry.reviewBy < today) {
      problems.push({ level: 'warning', file: fileOf(entry), message: `review date ${entry.reviewBy} has passed (owner: ${entry.owner})` });
    }
  }
  return problems;
}
