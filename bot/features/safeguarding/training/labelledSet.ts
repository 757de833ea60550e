import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONCERN_CATEGORIES } from '../../../../knowledge/safeguarding/lexiconFile';
import { projectRoot } from '../../../../knowledge/projectRoot';

/** The team's own labelled phrasings, which the classifier is trained and cross-validated on. */
export const TRAINING_SET_PATH = path.join(projectRoot(), 'tests', 'bot', 'features', 'safeguarding', 'data', 'training.jsonl');
/** The held-back phrasings, written by someone else before the classifier; never trained or tuned on. */
export const HELD_BACK_SET_PATH = path.join(projectRoot(), 'tests', 'bot', 'features', 'safeguarding', 'data', 'heldback.jsonl');

const exampleSchema = z
  .object({
    text: z.string().trim().min(1),
    label: z.enum(['concern', 'lookalike']),
    category: z.union([z.enum(CONCERN_CATEGORIES), z.literal('other')]),
    immediate: z.boolean().optional(),
  })
  .strict()
  .refine((e) => e.label === 'lookalike' || e.category !== 'other', 'a concern needs a concern category');

/** One labelled phrasing. */
export type LabelledExample = z.infer<typeof exampleSchema>;

/** Reads a JSONL labelled set; a bad line throws with its line number (never its text, which may be held back). */
export function readLabelledSet(file: string): LabelledExample[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: LabelledExample[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new Error(`${path.basename(file)} line ${i + 1}: not valid JSON`);
    }
    const parsed = exampleSchema.safeParse(data);
    if (!parsed.success)
      throw new Error(`${path.basename(file)} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'} ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}
