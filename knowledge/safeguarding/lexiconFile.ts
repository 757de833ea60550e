import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../contentLoader';
import { throwOnErrors } from '../contentLoader';
import { projectRoot } from '../projectRoot';
import { parseYamlSchemaFile } from '../yamlSchemaFile';
import { parsePhrase, PhraseSyntaxError } from './phrasePattern';

/** The kinds of concern the bot recognises, one lexicon file each (general-worry: a worry with no harm named). */
export const CONCERN_CATEGORIES = [
  'physical-abuse',
  'emotional-abuse',
  'sexual-abuse',
  'neglect',
  'child-sexual-exploitation',
  'criminal-exploitation',
  'online-abuse',
  'fgm',
  'forced-marriage',
  'radicalisation',
  'self-harm',
  'domestic-abuse',
  'missing',
  'trafficking',
  'allegation-against-adult',
  'young-carer',
  'parental-substance-misuse',
  'homelessness',
  'general-worry',
] as const;

export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/**
 * What a category adds to the urgent card besides the front door and the DSL: the LADO route for an
 * adult who works with children, the FGM reporting duty, urgent health routes for self-harm.
 */
export const CARD_ROUTES = ['lado', 'fgm-duty', 'health'] as const;
export type CardRoute = (typeof CARD_ROUTES)[number];

/** The folder the lexicon lives in; the safeguarding lead edits the YAML files there. */
export const DEFAULT_LEXICON_DIR = path.join(projectRoot(), 'knowledge', 'safeguarding');

const phrase = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    try {
      parsePhrase(value);
    } catch (err) {
      if (!(err instanceof PhraseSyntaxError)) throw err;
      ctx.addIssue({ code: 'custom', message: `"${value}": ${err.message}` });
    }
  });

const categorySchema = z
  .object({
    id: z.enum(CONCERN_CATEGORIES, { error: `must be one of ${CONCERN_CATEGORIES.join(', ')}` }),
    title: z.string().trim().min(1, 'must not be empty').max(80),
    owner: z.string().trim().min(1, 'must name who keeps this list correct'),
    review_by: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')),
    routes: z.array(z.enum(CARD_ROUTES)).default([]),
    terms: z.array(phrase).min(1, 'list at least one word or phrase that names this harm'),
    signals: z.array(phrase).default([]),
    immediate: z.array(phrase).default([]),
  })
  .strict();

/** One category of the lexicon as its file states it. */
export interface LexiconCategory {
  id: ConcernCategory;
  title: string;
  owner: string;
  reviewBy: string;
  routes: CardRoute[];
  /** Words and phrases that name or describe the harm: they say which kind a concern is and help the classifier. */
  terms: string[];
  /** Phrases that report a concern about a child on their own, however the message is framed. */
  signals: string[];
  /** Phrases that mean a child is in danger now, so the card leads with 999. */
  immediate: string[];
}

/** The lexicon's categories that loaded, and what was wrong with the files. */
export interface LoadedLexicon {
  categories: LexiconCategory[];
  problems: ContentProblem[];
}

/** Parses one category file; a malformed file yields problems instead. */
export function parseLexiconFile(file: string, raw: string): { category?: LexiconCategory; problems: ContentProblem[] } {
  const name = path.basename(file);
  const loaded = parseYamlSchemaFile(file, raw, categorySchema, 'file');
  if (!loaded.value) return { problems: loaded.problems };
  const { id, title, owner, review_by: reviewBy, routes, terms, signals, immediate } = loaded.value;
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const p of [...terms, ...signals, ...immediate]) {
    if (seen.has(p)) problems.push({ level: 'warning', file: name, message: `"${p}" is listed twice` });
    seen.add(p);
  }
  return { category: { id, title, owner, reviewBy, routes, terms, signals, immediate }, problems };
}

/**
 * Loads every category file, in the order of CONCERN_CATEGORIES, and checks the lexicon is
 * complete and current: a missing category is an error, a passed review date a warning.
 */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR, today?: string): LoadedLexicon {
  if (!fs.existsSync(dir)) return { categories: [], problems: [{ level: 'error', file: dir, message: 'the safeguarding lexicon folder does not exist' }] };
  const problems: ContentProblem[] = [];
  const byId = new Map<ConcernCategory, LexiconCategory>();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const file of files) {
    const result = parseLexiconFile(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    problems.push(...result.problems);
    if (result.category) byId.set(result.category.id, result.category);
  }
  for (const id of CONCERN_CATEGORIES) {
    if (!byId.has(id)) problems.push({ level: 'error', file: `${id}.yaml`, message: `the lexicon has no file for the "${id}" category` });
  }
  const categories = CONCERN_CATEGORIES.flatMap((id) => byId.get(id) ?? []);
  if (today !== undefined) {
    for (const c of categories) {
      if (c.reviewBy < today) problems.push({ level: 'warning', file: `${c.id}.yaml`, message: `review date ${c.reviewBy} has passed (owner: ${c.owner})` });
    }
  }
  return { categories, problems };
}

/** The lexicon the bot uses, loaded at start-up; a broken file stops start-up with its problems listed. */
export function loadLexiconOrThrow(dir: string = DEFAULT_LEXICON_DIR): LexiconCategory[] {
  const { categories, problems } = loadLexicon(dir);
  throwOnErrors(problems, 'The safeguarding lexicon', dir);
  return categories;
}
