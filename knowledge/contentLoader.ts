import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { entryFrontMatterSchema, KnowledgeEntry, toEntry } from './entry';
import { projectRoot } from './projectRoot';

/** Something wrong with the content, tied to the file it is in. */
export interface ContentProblem {
  level: 'error' | 'warning';
  file: string;
  message: string;
}

/**
 * Refuses content with errors, listing the first ten, so a bad edit stops start-up (and the tests)
 * instead of reaching staff; `what` names the content ("The training catalogue").
 */
export function throwOnErrors(problems: readonly ContentProblem[], what: string, dir: string): void {
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length === 0) return;
  const list = errors
    .slice(0, 10)
    .map((e) => `  ${e.file}: ${e.message}`)
    .join('\n');
  throw new Error(`${what} in ${dir}: ${errors.length} error(s); run npm run kb:check to see them all.\n${list}`);
}

export interface LoadedContent {
  entries: KnowledgeEntry[];
  problems: ContentProblem[];
}

/** The folder the shipped entries live in. */
export const DEFAULT_CONTENT_DIR = path.join(projectRoot(), 'knowledge', 'content');

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Lists the Markdown files of a content folder, sorted so loading is deterministic. */
export function listContentFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => path.join(dir, f));
}

/** Parses one entry file; a file that cannot be read as an entry yields problems instead. */
export function parseEntryFile(file: string, raw: string): { entry?: KnowledgeEntry; problems: ContentProblem[] } {
  const name = path.basename(file);
  const match = FRONT_MATTER.exec(raw);
  if (!match) return { problems: [{ level: 'error', file: name, message: 'no YAML front matter between --- lines' }] };
  let data: unknown;
  try {
    data = yaml.load(match[1]);
  } catch (err) {
    return { problems: [{ level: 'error', file: name, message: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}` }] };
  }
  const parsed = entryFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        level: 'error' as const,
        file: name,
        message: `${issue.path.join('.') || 'front matter'}: ${issue.message}`,
      })),
    };
  }
  const problems: ContentProblem[] = [];
  if (`${parsed.data.id}.md` !== name) {
    problems.push({ level: 'error', file: name, message: `id "${parsed.data.id}" does not match the file name` });
  }
  if (!match[2].trim()) problems.push({ level: 'error', file: name, message: 'the body is empty' });
  return { entry: toEntry(parsed.data, match[2]), problems };
}

/** Reads every entry in a content folder, collecting problems rather than stopping at the first. */
export function loadContent(dir: string = DEFAULT_CONTENT_DIR): LoadedContent {
  const entries: KnowledgeEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const file of listContentFiles(dir)) {
    const result = parseEntryFile(file, fs.readFileSync(file, 'utf8'));
    if (result.entry) entries.push(result.entry);
    problems.push(...result.problems);
  }
  return { entries, problems };
}
