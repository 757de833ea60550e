import { keyWords, stem, words } from '../normalise';
import { ROLES } from '../workforce';

/** How a question asks about training, once its dates have been taken out. */
export interface TrainingQuery {
  /** It uses a word that asks for training ("training", "course", "session", "workshop", "e-learning"). */
  cue: boolean;
  /** Online or in-person sessions only, when the question says so. */
  mode?: 'online' | 'in-person';
  /** It points back at what was said before ("is there training for that?"). */
  backReference: boolean;
  /** A role the question asks for ("training for youth workers"), by its id. */
  role?: string;
  /** The words left that say what the training is about (unstemmed), e.g. ["caf"], ["safeguarding", "level", "2"]. */
  topicWords: string[];
}

/** Words that ask for training rather than say what it is about. */
const CUES = new Set([
  'training',
  'trainings',
  'trained',
  'course',
  'courses',
  'session',
  'sessions',
  'workshop',
  'workshops',
  'class',
  'classes',
  'elearning',
  'webinar',
  'webinars',
]);

const ONLINE = /\b(online|virtual|virtually|remote|remotely|webinars?|zoom|(?:on|ms|microsoft) teams)\b/;
const IN_PERSON = /\b(face to face|f2f|in person|classroom|in the room)\b/;

/** Words that frame a training question ("where can I book…", "any places left…") without naming a topic. */
const TRAINING_FILLER = new Set([
  'where',
  'when',
  'which',
  'what',
  'who',
  'how',
  'next',
  'upcoming',
  'available',
  'availability',
  'any',
  'anything',
  'there',
  'can',
  'could',
  'do',
  'book',
  'booking',
  'booked',
  'attend',
  'attending',
  'sign',
  'signup',
  'up',
  'place',
  'places',
  'space',
  'spaces',
  'date',
  'dates',
  'day',
  'days',
  'time',
  'times',
  'start',
  'starts',
  'starting',
  'run',
  'runs',
  'offer',
  'offered',
  'offers',
  'look',
  'looking',
  'go',
  'me',
  'my',
  'we',
  'our',
  'us',
  'council',
  'local',
  'near',
  'nearby',
  'coming',
  'soon',
  'soonest',
  'take',
  'taking',
  'complete',
  'completing',
  'apply',
  'register',
  'enrol',
  'join',
  'details',
  'detail',
  'list',
  'show',
  'all',
  'every',
  'other',
  'also',
  'recommend',
  'recommended',
  'suggest',
  'suggested',
  'option',
  'options',
  'free',
  'cost',
  'costs',
  'much',
  'long',
  'left',
  'full',
  'more',
  'some',
  'new',
  'latest',
  'week',
  'weeks',
  'month',
  'months',
  'same',
  'again',
  'one',
  'ones',
  'good',
  'best',
  'would',
  'should',
  'must',
  'available',
  'provide',
  'provided',
  'provider',
  'run',
  'held',
  'happening',
  'organise',
  'organised',
  'e',
  'learn',
  'learning',
  'virtual',
]);

/** True for a word that frames a training question ("course", "book", "next") rather than naming its topic. */
export function isTrainingFrame(word: string): boolean {
  return CUES.has(word) || TRAINING_FILLER.has(word);
}

/** Words that point back at the last topic. */
const BACK_REFERENCES = new Set(['that', 'it', 'this', 'those', 'them', 'these', 'same', 'above']);

/** The ways staff name each role ("youth workers", "health visitor", "SENCO"), as stemmed terms. */
const ROLE_NAMES: { role: string; terms: string[] }[] = ROLES.filter((r) => r.id !== 'other').flatMap((r) => {
  const label = r.label.replace(/\u2019/g, "'");
  const bare = label.replace(/\([^)]*\)/g, ' ');
  const inBrackets = /\(([^)]*)\)/.exec(label)?.[1];
  const names = [r.id.replace(/-/g, ' '), bare, ...bare.split(/,| or /), ...(inBrackets ? [inBrackets] : [])];
  return names.map((n) => ({ role: r.id, terms: keyWords(n).map((w) => stem(w)) })).filter((n) => n.terms.length > 0);
});

/** The role a question names, with the longest matching name winning, and the words that named it. */
function roleIn(topicWords: string[]): { role: string; words: Set<string> } | undefined {
  const stems = topicWords.map((w) => stem(w));
  let best: { role: string; terms: string[] } | undefined;
  for (const name of ROLE_NAMES) {
    if (name.terms.every((t) => stems.includes(t)) && (!best || name.terms.length > best.terms.length)) best = name;
  }
  if (!best) return undefined;
  const terms = new Set(best.terms);
  return { role: best.role, words: new Set(topicWords.filter((w) => terms.has(stem(w)))) };
}

/** Splits a training question into its cue, mode, back-reference, role and topic words. */
export function readTrainingQuery(text: string): TrainingQuery {
  const list = words(text);
  const joined = ` ${list.join(' ')} `;
  const cue = list.some((w, i) => CUES.has(w) || (w === 'learning' && list[i - 1] === 'e'));
  const mode = ONLINE.test(joined) ? 'online' : IN_PERSON.test(joined) ? 'in-person' : undefined;
  const withoutMode = joined.replace(new RegExp(ONLINE.source, 'g'), ' ').replace(new RegExp(IN_PERSON.source, 'g'), ' ');
  const backReference = list.some((w) => BACK_REFERENCES.has(w));
  const topicWords = keyWords(withoutMode).filter((w) => !isTrainingFrame(w));
  const role = roleIn(topicWords);
  return { cue, mode, backReference, role: role?.role, topicWords: role ? topicWords.filter((w) => !role.words.has(w)) : topicWords };
}
