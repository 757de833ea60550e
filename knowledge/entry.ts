import { z } from 'zod';

/** The councils whose strategies the knowledge base holds, plus content that applies nationally. */
export const AUTHORITIES = ['national', 'westminster', 'leicestershire', 'newcastle', 'oxfordshire'] as const;
export type Authority = (typeof AUTHORITIES)[number];

/** Councils only: the values the AUTHORITY setting accepts. */
export const COUNCILS = AUTHORITIES.filter((a) => a !== 'national') as Exclude<Authority, 'national'>[];
export type Council = (typeof COUNCILS)[number];

export const ENTRY_KINDS = ['glossary', 'common-core', 'framework', 'strategy'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_STATUSES = ['current', 'historical', 'closed', 'replaced'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

const text = z.string().trim().min(1, 'must not be empty');
const textList = z.array(text).default([]);

/** The front matter of one content file, as content owners write it. */
export const entryFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower case letters, digits and hyphens'),
    title: text,
    kind: z.enum(ENTRY_KINDS),
    acronyms: textList,
    aliases: textList,
    questions: textList,
    tags: z.array(text).min(1, 'needs at least one tag'),
    summary: text.max(400, 'must be at most 400 characters'),
    source: text,
    authority: z.enum(AUTHORITIES),
    owner: text,
    review_by: isoDate,
    status: z.enum(ENTRY_STATUSES),
    status_note: text.optional(),
    related: textList,
  })
  .strict()
  .refine((e) => e.status === 'current' || e.status_note !== undefined, {
    message: 'status_note is required unless status is current',
    path: ['status_note'],
  });

/** One answerable entry, as the search engine and the cards use it. */
export interface KnowledgeEntry {
  id: string;
  title: string;
  kind: EntryKind;
  acronyms: string[];
  aliases: string[];
  /** Ways staff actually ask for this entry, including plain descriptions that share no words with the title. */
  questions: string[];
  tags: string[];
  summary: string;
  body: string;
  source: string;
  authority: Authority;
  owner: string;
  reviewBy: string;
  status: EntryStatus;
  statusNote?: string;
  related: string[];
}

/** Turns validated front matter and a Markdown body into an entry. */
export function toEntry(front: z.infer<typeof entryFrontMatterSchema>, body: string): KnowledgeEntry {
  return {
    id: front.id,
    title: front.title,
    kind: front.kind,
    acronyms: front.acronyms,
    aliases: front.aliases,
    questions: front.questions,
    tags: front.tags,
    summary: front.summary,
    body: body.trim(),
    source: front.source,
    authority: front.authority,
    owner: front.owner,
    reviewBy: front.review_by,
    status: front.status,
    ...(front.status_note !== undefined ? { statusNote: front.status_note } : {}),
    related: front.related,
  };
}
