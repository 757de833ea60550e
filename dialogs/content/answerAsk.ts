import { DateTime } from 'luxon';
import type { ContentAnswer } from '../../bot/features/content/contentEditing';
import type { LiveKnowledge } from '../../bot/features/content/liveKnowledge';
import type { TrainingFinder } from '../../bot/features/training/trainingFinder';
import { validationFailure } from '../../bot/platform/http/validationFailure';
import type { ReplySettings } from '../glossary/createReplyCard';
import { askContent } from './askContent';

/** What answering a test-pane question needs: the live and draft knowledge, the clock, training, and the reply settings. */
export interface ContentAskDeps {
  knowledge: Pick<LiveKnowledge, 'search' | 'draftSearch'>;
  now: () => DateTime;
  training: TrainingFinder;
  settings: ReplySettings;
}

/** Answers a test-pane question (the admin API's and the dashboard's), as an HTTP status and body. */
export type ContentAsker = (body: Record<string, unknown>) => Promise<ContentAnswer>;

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);

/** Checks a test-pane question: `q` and an optional boolean `draft`; the problems, if any. */
export function askProblems(body: unknown): { field: string; message: string }[] {
  const problems = [];
  if (!isObject(body) || typeof body.q !== 'string' || !body.q.trim()) problems.push({ field: 'q', message: 'q: send the question to ask' });
  if (isObject(body) && body.draft !== undefined && typeof body.draft !== 'boolean')
    problems.push({ field: 'draft', message: 'draft: must be true (ask the drafts) or false (ask what is live)' });
  return problems;
}

/** Answers test-pane questions from the draft or the live knowledge base, the way the bot would. */
export function contentAsker(deps: ContentAskDeps): ContentAsker {
  return async (body) => {
    const problems = askProblems(body);
    if (problems.length) return validationFailure('question', problems);
    const { q, draft } = body as { q: string; draft?: boolean };
    const search = draft ? await deps.knowledge.draftSearch() : deps.knowledge.search;
    return { status: 200, body: { ...askContent(q, search, draft ? 'draft' : 'live', { now: deps.now, training: deps.training, settings: deps.settings }) } };
  };
}
