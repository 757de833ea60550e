import { ReplySettings, createReplyCard } from '../../dialogs/cards/createReplyCard';
import { AnswerReply } from './questionAnswerer';

/** One answer as `npm run ask -- --json` prints it (the evaluation format). */
export interface AnswerJson {
  answered: boolean;
  id: string | null;
  title: string | null;
  text: string;
  source: string | null;
  score: number;
  suggestions: { id: string; title: string }[];
  urgent: boolean;
}

/** Flattens a reply for scripts: `answered` is true only when the bot gives an answer. */
export function toAnswerJson(reply: AnswerReply, settings: ReplySettings): AnswerJson {
  const text = createReplyCard(reply, 'submit', settings).text;
  switch (reply.kind) {
    case 'answer':
      return { answered: true, id: reply.entry.id, title: reply.entry.title, text: reply.entry.summary, source: reply.entry.source, score: reply.confidence, suggestions: [], urgent: false };
    case 'suggest':
      return {
        answered: false,
        id: null,
        title: null,
        text,
        source: null,
        score: reply.confidence,
        suggestions: reply.suggestions.map((s) => ({ id: s.entry.id, title: s.entry.title })),
        urgent: false,
      };
    case 'unknown':
      return { answered: false, id: null, title: null, text, source: null, score: reply.confidence, suggestions: [], urgent: false };
    case 'urgent':
      return { answered: false, id: null, title: null, text, source: null, score: 1, suggestions: [], urgent: true };
    case 'empty':
      return { answered: false, id: null, title: null, text, source: null, score: 0, suggestions: [], urgent: false };
  }
}
