import { ReplySettings, createReplyCard } from './createReplyCard';
import { describeSession } from '../../bot/features/training/sessionText';
import { CourseListing } from '../../bot/features/training/upcomingSessions';
import { AnswerReply } from '../../bot/features/answers/questionAnswerer';
import { replyAsText } from '../safeguarding/concernFollowUp';

/** One answer as `npm run ask -- --json` prints it (the evaluation format). */
export interface AnswerJson {
  answered: boolean;
  id: string | null;
  title: string | null;
  text: string;
  source: string | null;
  score: number;
  suggestions: { id: string; title: string }[];
  /** True when the safeguarding contacts come first; an answer that follows them fills the other fields and `text` holds both. */
  urgent: boolean;
  /** For training answers: the courses shown (`id` is then "course:<id>" of the first), with their next sessions. */
  courses?: { id: string; title: string; sessions: { id: string; when: string }[] }[];
}

const courseJson = (listing: CourseListing) => ({
  id: listing.course.id,
  title: listing.course.title,
  sessions: listing.sessions.map((s) => ({ id: s.id, when: describeSession(s) })),
});

/** Flattens a reply for scripts: `answered` is true only when the bot gives an answer (after the safeguarding contacts, too). */
export function toAnswerJson(reply: AnswerReply, settings: ReplySettings): AnswerJson {
  const text = createReplyCard(reply, 'submit', settings).text;
  switch (reply.kind) {
    case 'answer':
      return {
        answered: true,
        id: reply.entry.id,
        title: reply.entry.title,
        text: reply.entry.summary,
        source: reply.entry.source,
        score: reply.confidence,
        suggestions: [],
        urgent: false,
      };
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
      if (reply.followUp) return { ...toAnswerJson(reply.followUp, settings), text: replyAsText(reply, 'submit', settings), urgent: true };
      return { answered: false, id: null, title: null, text, source: null, score: 1, suggestions: [], urgent: true };
    case 'empty':
      return { answered: false, id: null, title: null, text, source: null, score: 0, suggestions: [], urgent: false };
    case 'course': {
      const { course } = reply.listing;
      return {
        answered: true,
        id: `course:${course.id}`,
        title: course.title,
        text,
        source: course.provider,
        score: reply.confidence,
        suggestions: [],
        urgent: false,
        courses: [courseJson(reply.listing)],
      };
    }
    case 'courses': {
      const first = reply.listings[0]?.course;
      const answered = first !== undefined;
      return {
        answered,
        id: answered ? `course:${first.id}` : null,
        title: answered ? reply.heading : null,
        text,
        source: answered ? 'Training catalogue' : null,
        score: reply.confidence,
        suggestions: [],
        urgent: false,
        courses: reply.listings.map(courseJson),
      };
    }
    case 'trainingDate':
      return { answered: false, id: null, title: null, text, source: null, score: 0, suggestions: [], urgent: false };
    case 'briefing':
      return {
        answered: true,
        id: `briefing:${reply.briefing.id}`,
        title: reply.briefing.title,
        text: reply.briefing.summary,
        source: `Strategy briefing, ${reply.briefing.publishAt.slice(0, 10)}`,
        score: 1,
        suggestions: [],
        urgent: false,
      };
  }
}
