import { z } from 'zod';

/** Longest free-text answer a pulse accepts, so a comment stays a comment. */
export const MAX_COMMENT_LENGTH = 500;

/** Fewest and most questions a pulse may ask, so it can be answered in under a minute. */
export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 8;

/** The values a 0–10 scale accepts (used for "how likely are you to recommend…", the eNPS question). */
export const SCALE_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The values a 1–5 rating accepts. */
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower case letters, digits and hyphens')
  .max(40, 'must be at most 40 characters');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optional = z.boolean().default(false);

const ratingQuestion = z
  .object({
    id: slug,
    type: z.literal('rating'),
    text: text(200),
    labels: z.array(text(40)).length(5, 'a rating needs exactly five labels, from 1 to 5'),
    optional,
  })
  .strict();

const scaleQuestion = z
  .object({
    id: slug,
    type: z.literal('scale'),
    text: text(200),
    lowLabel: text(40),
    highLabel: text(40),
    optional,
  })
  .strict();

const choiceQuestion = z
  .object({
    id: slug,
    type: z.literal('choice'),
    text: text(200),
    options: z
      .array(z.object({ id: slug, label: text(80) }).strict())
      .min(2, 'a choice needs at least two options')
      .max(10, 'a choice may have at most ten options'),
    optional,
  })
  .strict();

const yesNoQuestion = z.object({ id: slug, type: z.literal('yesno'), text: text(200), optional }).strict();

const textQuestion = z
  .object({
    id: slug,
    type: z.literal('text'),
    text: text(200),
    maxLength: z.number().int().min(1).max(MAX_COMMENT_LENGTH, `free text is limited to ${MAX_COMMENT_LENGTH} characters`).default(MAX_COMMENT_LENGTH),
    optional: z.literal(true, 'free text is always optional: set optional: true').default(true),
  })
  .strict();

/** One question, as the content team writes it in a template file. */
export const questionSchema = z.discriminatedUnion('type', [ratingQuestion, scaleQuestion, choiceQuestion, yesNoQuestion, textQuestion], {
  error: 'type must be one of rating, scale, choice, yesno or text',
});

/** A pulse template file: what the pulse is called and the questions it asks. */
export const templateSchema = z
  .object({
    id: slug,
    title: text(80),
    intro: text(300),
    questions: z
      .array(questionSchema)
      .min(MIN_QUESTIONS, `a pulse needs at least ${MIN_QUESTIONS} questions`)
      .max(MAX_QUESTIONS, `a pulse may ask at most ${MAX_QUESTIONS} questions`),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id "${q.id}" is used twice` });
      seen.add(q.id);
      const labels = q.type === 'rating' ? q.labels : q.type === 'choice' ? q.options.map((o) => o.label) : [];
      if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length)
        ctx.addIssue({ code: 'custom', path: ['questions', i], message: 'labels must all be different' });
      if (q.type === 'choice' && new Set(q.options.map((o) => o.id)).size !== q.options.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'option ids must all be different' });
      }
    });
    if (t.questions.filter((q) => q.type === 'text').length > 1)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a pulse may have at most one free-text comment' });
    if (t.questions.every((q) => q.type === 'text' || q.optional))
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'at least one question must be required' });
  });

/** A validated pulse template. */
export type SurveyTemplate = z.infer<typeof templateSchema>;

/** One validated question of any type. */
export type SurveyQuestion = SurveyTemplate['questions'][number];

/** The kinds of question a template may ask. */
export type QuestionType = SurveyQuestion['type'];

/** The answer values a question accepts, as stored: numbers for ratings and scales, ids for choices. */
export function allowedValues(question: SurveyQuestion): readonly (string | number)[] {
  switch (question.type) {
    case 'rating':
      return RATING_VALUES;
    case 'scale':
      return SCALE_VALUES;
    case 'choice':
      return question.options.map((o) => o.id);
    case 'yesno':
      return ['yes', 'no'];
    case 'text':
      return [];
  }
}

/** The label a stored answer value is shown with ("4 – Agree", "Yes", the option's label). */
export function valueLabel(question: SurveyQuestion, value: string | number): string {
  switch (question.type) {
    case 'rating':
      return `${value} – ${question.labels[Number(value) - 1] ?? ''}`;
    case 'scale':
      return value === 0 ? `0 – ${question.lowLabel}` : value === 10 ? `10 – ${question.highLabel}` : String(value);
    case 'choice':
      return question.options.find((o) => o.id === value)?.label ?? String(value);
    case 'yesno':
      return value === 'yes' ? 'Yes' : 'No';
    case 'text':
      return String(value);
  }
}
