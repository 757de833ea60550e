import { KnowledgeEntry } from '../../../knowledge/entry';
import { frontMatterOf } from './entryMarkdown';

/** The lines of `after` that are not in `before` (+) and the reverse (-), in order, by longest common subsequence. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Bodies are short (a few paragraphs), so the quadratic table is small.
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || common[i][j + 1] >= common[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out;
}

const show = (value: unknown): string => (value === undefined ? '(none)' : JSON.stringify(value));

/** One line per field that differs between two records (lists as +added -removed), for a version history. */
export function describeFieldChanges(was: Record<string, unknown>, now: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const old = was[field];
    const next = now[field];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    if (Array.isArray(old) && Array.isArray(next)) {
      const added = next.filter((v) => !old.includes(v));
      const removed = old.filter((v) => !next.includes(v));
      const parts = [...added.map((v) => `+${show(v)}`), ...removed.map((v) => `-${show(v)}`)];
      lines.push(`${field}: ${parts.length ? parts.join(' ') : 'reordered'}`);
    } else lines.push(`${field}: ${show(old)} → ${show(next)}`);
  }
  return lines;
}

/** What changed between two versions of an entry, one line per change, for the version history. */
export function describeChanges(before: KnowledgeEntry | undefined, after: KnowledgeEntry): string {
  if (!before) return 'created';
  const lines = describeFieldChanges(frontMatterOf(before) as unknown as Record<string, unknown>, frontMatterOf(after) as unknown as Record<string, unknown>);
  if (before.body !== after.body) lines.push('body:', ...lineDiff(before.body, after.body).map((l) => `  ${l}`));
  return lines.length ? lines.join('\n') : 'no change';
}
