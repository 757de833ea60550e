import type { LexiconMatch } from './lexicon';

/**
 * Word classes that say who a message is about and how it is framed. They let the classifier learn
 * "a person word near a harm word" once, instead of once for every relative or pronoun.
 */
const CLASSES: Record<string, readonly string[]> = {
  pronoun: ['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself'],
  kin: [
    'mum',
    'mummy',
    'mother',
    'dad',
    'daddy',
    'father',
    'stepdad',
    'stepmum',
    'stepfather',
    'stepmother',
    'parent',
    'parents',
    'uncle',
    'auntie',
    'aunt',
    'aunty',
    'nan',
    'nana',
    'nanna',
    'gran',
    'granny',
    'grandad',
    'grandpa',
    'grandma',
    'grandfather',
    'grandmother',
    'brother',
    'sister',
    'stepbrother',
    'stepsister',
    'cousin',
    'boyfriend',
    'girlfriend',
    'partner',
    'husband',
    'carer',
    'carers',
    'family',
    'families',
    'household',
    'siblings',
  ],
  child: [
    'child',
    'children',
    'childs',
    'kid',
    'kids',
    'boy',
    'boys',
    'girl',
    'girls',
    'baby',
    'babies',
    'babys',
    'toddler',
    'toddlers',
    'infant',
    'newborn',
    'young',
    'person',
    'pupil',
    'pupils',
    'student',
    'students',
    'son',
    'daughter',
    'teen',
    'teenager',
    'lad',
    'lads',
    'lass',
    'twins',
    'little',
    'learner',
    'yp',
    'client',
    'caseload',
    'placement',
  ],
  staff: [
    'colleague',
    'colleagues',
    'staff',
    'teacher',
    'teachers',
    'tutor',
    'coach',
    'volunteer',
    'volunteers',
    'leader',
    'instructor',
    'childminder',
    'supervisor',
    'driver',
    'escort',
    'ta',
    'coworker',
    'worker',
  ],
  self: ['i', 'me', 'my', 'we', 'our', 'us'],
  ask: [
    'what',
    'whats',
    'how',
    'where',
    'when',
    'which',
    'who',
    'define',
    'definition',
    'explain',
    'meaning',
    'mean',
    'means',
    'does',
    'is',
    'are',
    'can',
    'should',
    'do',
  ],
  topic: [
    'training',
    'course',
    'courses',
    'module',
    'elearning',
    'learning',
    'policy',
    'policies',
    'procedure',
    'procedures',
    'protocol',
    'guidance',
    'legislation',
    'law',
    'act',
    'statutory',
    'framework',
    'definition',
    'defined',
    'signs',
    'indicators',
    'types',
    'examples',
    'level',
    'levels',
    'session',
    'sessions',
    'dates',
    'toolkit',
    'tool',
    'form',
    'template',
    'research',
    'stand',
    'difference',
    'duty',
    'awareness',
    'resources',
    'essay',
    'scenario',
    'case',
    'study',
  ],
  when: ['today', 'tonight', 'yesterday', 'now', 'morning', 'night', 'weekend', 'again', 'always', 'keeps', 'every', 'last', 'since', 'just'],
  saw: ['said', 'says', 'told', 'tells', 'saw', 'seen', 'noticed', 'heard', 'disclosed', 'showed', 'found', 'admitted', 'whispered', 'came', 'turned'],
};

const CLASS_OF = new Map<string, string[]>();
for (const [name, words] of Object.entries(CLASSES)) {
  for (const w of words) CLASS_OF.set(w, [...(CLASS_OF.get(w) ?? []), name]);
}

/** Character n-grams of these lengths are taken inside each word, so misspellings still share most of their features. */
const CHAR_GRAMS = [3, 4];

/**
 * The features the concern classifier scores: words, word pairs, letter groups inside words, the
 * lexicon's categories, word classes, and a few pairings of "who" with "harm". Each appears once.
 */
export function concernFeatures(words: readonly string[], match: LexiconMatch): string[] {
  const out = new Set<string>();
  const shown = words.map((w) => (/^\d+$/.test(w) ? '#' : w));
  shown.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i + 1 < shown.length) out.add(`b:${w}_${shown[i + 1]}`);
    const padded = `<${w}>`;
    for (const n of CHAR_GRAMS) for (let s = 0; s + n <= padded.length; s++) out.add(`c:${padded.slice(s, s + n)}`);
  });
  if (shown.length > 0) out.add(`s:${shown[0]}`);
  if (shown.length > 1) out.add(`s2:${shown[0]}_${shown[1]}`);
  out.add(`len:${Math.min(shown.length, 12) >> 2}`);

  const classes = new Set<string>();
  for (const w of words) for (const c of CLASS_OF.get(w) ?? []) classes.add(c);
  if (words.some((w, i) => /^\d+$/.test(w) && words[i + 1] === 'year' && words[i + 2] === 'old')) classes.add('age');
  if (CLASS_OF.get(words[0] ?? '')?.includes('ask')) classes.add('opensWithAsk');
  for (const c of classes) out.add(`cls:${c}`);

  const termCategories = [...match.terms.keys()];
  const signalCategories = [...match.signals.keys()];
  for (const c of termCategories) out.add(`lex:${c}`);
  for (const c of signalCategories) out.add(`sig:${c}`);
  const harm = termCategories.some((c) => c !== 'general-worry');
  if (harm) out.add('lex:harm');
  if (signalCategories.length > 0) out.add('sig:any');
  if (match.immediate.size > 0) out.add('imm:any');
  out.add(`lexn:${Math.min(termCategories.length, 3)}`);
  for (const c of classes) {
    if (harm) out.add(`x:${c}&harm`);
    if (signalCategories.length > 0) out.add(`x:${c}&signal`);
  }
  return [...out];
}
