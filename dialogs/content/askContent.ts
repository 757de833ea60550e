import { DateTime } from 'luxon';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { AnswerJson, toAnswerJson } from '../glossary/answerJson';
import { InMemoryFeedbackLog } from '../../bot/platform/store/feedbackLog';
import { QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { TrainingFinder } from '../../bot/features/training/trainingFinder';
import { ReplySettings } from '../glossary/createReplyCard';

/** A test-pane answer: what `npm run ask -- --json` prints, plus the entries that competed and how each scored. */
export interface ContentAskAnswer extends AnswerJson {
  knowledge: 'draft' | 'live';
  candidates: { id: string; title: string; confidence: number }[];
}

/**
 * Answers a question the way the bot would, from the live or the draft knowledge base, without
 * recording it as asked (a content owner's test is not a gap in the content).
 */
export function askContent(
  question: string,
  search: KnowledgeSearch,
  knowledge: 'draft' | 'live',
  deps: { now: () => DateTime; training: TrainingFinder; settings: ReplySettings },
): ContentAskAnswer {
  const answerer = new QuestionAnswerer(search, new InMemoryFeedbackLog(), deps.now, deps.training);
  const reply = answerer.reply(question);
  const candidates = search
    .explain(question)
    .candidates.slice(0, 5)
    .map((c) => ({ id: c.entry.id, title: c.entry.title, confidence: Math.round(c.confidence * 1000) / 1000 }));
  return { ...toAnswerJson(reply, deps.settings), knowledge, candidates };
}
