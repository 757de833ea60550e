/**
 * Turns a message into clean lower-case words before the safeguarding lexicon and classifier look
 * at it, so "Im rly worryed bout a 14yo, shes bn abuzed" reads as "i am really worried about a 14
 * year old she is been abused". Staff type fast and on phones; the later stages should not care.
 */

/** Text-speak, contractions written without the apostrophe, and common misspellings, to what they mean. */
const REPLACEMENTS: Record<string, string> = {
  // Contractions (apostrophes are dropped first, so "she's" arrives as "shes").
  im: 'i am',
  ive: 'i have',
  shes: 'she is',
  hes: 'he is',
  theyre: 'they are',
  youre: 'you are',
  thats: 'that is',
  whats: 'what is',
  whos: 'who is',
  theres: 'there is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  hasnt: 'has not',
  havent: 'have not',
  hadnt: 'had not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  aint: 'is not',
  wanna: 'want to',
  gonna: 'going to',
  gna: 'going to',
  gunna: 'going to',
  gotta: 'got to',
  dunno: 'do not know',
  idk: 'i do not know',
  ya: 'you',
  // Text-speak.
  u: 'you',
  ur: 'your',
  r: 'are',
  n: 'and',
  ppl: 'people',
  pple: 'people',
  peeps: 'people',
  bf: 'boyfriend',
  gf: 'girlfriend',
  bfs: 'boyfriends',
  yr: 'year',
  yrs: 'years',
  b4: 'before',
  '2day': 'today',
  '2nite': 'tonight',
  tonite: 'tonight',
  nite: 'night',
  nites: 'nights',
  '2moro': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tomoz: 'tomorrow',
  wk: 'week',
  wknd: 'weekend',
  wkend: 'weekend',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bc: 'because',
  becos: 'because',
  abt: 'about',
  bout: 'about',
  wiv: 'with',
  wid: 'with',
  w: 'with',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  every1: 'everyone',
  evry1: 'everyone',
  smthn: 'something',
  smth: 'something',
  sth: 'something',
  sumthin: 'something',
  summat: 'something',
  nothin: 'nothing',
  nuffin: 'nothing',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  rn: 'right now',
  atm: 'at the moment',
  rly: 'really',
  rlly: 'really',
  wen: 'when',
  wot: 'what',
  wat: 'what',
  wots: 'what is',
  wats: 'what is',
  ov: 'of',
  ova: 'over',
  ovr: 'over',
  thru: 'through',
  luv: 'love',
  gud: 'good',
  skool: 'school',
  skl: 'school',
  fone: 'phone',
  fones: 'phones',
  munny: 'money',
  agen: 'again',
  agn: 'again',
  bak: 'back',
  hed: 'head',
  neva: 'never',
  evry: 'every',
  sed: 'said',
  sayd: 'said',
  bn: 'been',
  dat: 'that',
  dis: 'this',
  wiz: 'was',
  woz: 'was',
  wer: 'were',
  yp: 'young person',
  yps: 'young people',
  cyp: 'children and young people',
  kiddo: 'kid',
  kiddos: 'kids',
  lil: 'little',
  '1': 'one',
  mom: 'mum',
  mam: 'mum',
  mommy: 'mummy',
  mammy: 'mummy',
  momma: 'mum',
  da: 'dad',
  bro: 'brother',
  sis: 'sister',
  bruv: 'brother',
  hse: 'house',
  grp: 'group',
  grps: 'groups',
  msg: 'message',
  msgs: 'messages',
  msgd: 'messaged',
  txt: 'text',
  txts: 'texts',
  txted: 'texted',
  txting: 'texting',
  pic: 'picture',
  pics: 'pictures',
  vid: 'video',
  vids: 'videos',
  insta: 'instagram',
  snap: 'snapchat',
  kms: 'kill myself',
  kys: 'kill yourself',
  // Misspellings of the words that matter most here.
  abuzed: 'abused',
  abuesd: 'abused',
  abued: 'abused',
  abussed: 'abused',
  abuze: 'abuse',
  abuseing: 'abusing',
  abusd: 'abused',
  negleckt: 'neglect',
  neglet: 'neglect',
  negelct: 'neglect',
  neglec: 'neglect',
  negelect: 'neglect',
  neglectd: 'neglected',
  negleckted: 'neglected',
  negelcted: 'neglected',
  brusies: 'bruises',
  bruses: 'bruises',
  bruzes: 'bruises',
  bruize: 'bruise',
  bruizes: 'bruises',
  brusing: 'bruising',
  bruseing: 'bruising',
  bruze: 'bruise',
  brused: 'bruised',
  sucide: 'suicide',
  suicde: 'suicide',
  suiside: 'suicide',
  suicidle: 'suicidal',
  sucidal: 'suicidal',
  suicdal: 'suicidal',
  suisidal: 'suicidal',
  groomd: 'groomed',
  explotied: 'exploited',
  exploted: 'exploited',
  explioted: 'exploited',
  traficked: 'trafficked',
  trafficed: 'trafficked',
  traffiked: 'trafficked',
  selfharm: 'self harm',
  selfharming: 'self harming',
  slefharm: 'self harm',
  overdossed: 'overdosed',
  worryed: 'worried',
  woried: 'worried',
  worred: 'worried',
  wrried: 'worried',
  worrid: 'worried',
  concirned: 'concerned',
  concernd: 'concerned',
  conserned: 'concerned',
  concered: 'concerned',
  safegaurding: 'safeguarding',
  safegarding: 'safeguarding',
  safeguardin: 'safeguarding',
  disclossed: 'disclosed',
  discloed: 'disclosed',
  hungery: 'hungry',
  starveing: 'starving',
  batterd: 'battered',
  battred: 'battered',
  punchd: 'punched',
  kikked: 'kicked',
  kiked: 'kicked',
  slaped: 'slapped',
  toching: 'touching',
  tuching: 'touching',
  touchd: 'touched',
  tuched: 'touched',
  uncl: 'uncle',
  babby: 'baby',
  baybee: 'baby',
  chaned: 'changed',
  marryed: 'married',
  cuting: 'cutting',
  cuttin: 'cutting',
  hiting: 'hitting',
  hittin: 'hitting',
  beatin: 'beating',
  kickin: 'kicking',
  runnin: 'running',
  gettin: 'getting',
  goin: 'going',
  sleepin: 'sleeping',
  missin: 'missing',
  doin: 'doing',
  sayin: 'saying',
  postin: 'posting',
  comin: 'coming',
  takin: 'taking',
  livin: 'living',
  frightend: 'frightened',
  scarred: 'scared',
  threatend: 'threatened',
  threatned: 'threatened',
  strangeld: 'strangled',
  raype: 'rape',
  harrassed: 'harassed',
  hospitl: 'hospital',
  skared: 'scared',
  scard: 'scared',
  agressive: 'aggressive',
  violant: 'violent',
  drunkk: 'drunk',
};

/** Two words that staff write either way ("step dad", "stepdad"), joined so both read the same. */
const JOINED: Record<string, string> = {
  'step dad': 'stepdad',
  'step mum': 'stepmum',
  'step father': 'stepfather',
  'step mother': 'stepmother',
  'step brother': 'stepbrother',
  'step sister': 'stepsister',
  'step son': 'stepson',
  'step daughter': 'stepdaughter',
  'grand dad': 'grandad',
  'grand pa': 'grandpa',
  'grand ma': 'grandma',
  'boy friend': 'boyfriend',
  'girl friend': 'girlfriend',
};

/** Words after which a lone "2" means "to" ("wants 2 die"), not a number ("has 2 phones"). */
const TO_BEFORE = new Set([
  'want',
  'wants',
  'wanted',
  'going',
  'gonna',
  'tried',
  'trying',
  'try',
  'need',
  'needs',
  'scared',
  'afraid',
  'told',
  'asked',
  'made',
  'forced',
  'back',
  'come',
  'go',
  'goes',
  'went',
  'like',
  'allowed',
  'sent',
  'used',
  'planning',
  'plans',
  'started',
  'starting',
  'due',
  'taken',
  'took',
  'moved',
  'talk',
  'talking',
  'said',
  'able',
  'home',
  'threatened',
]);

/** Suggests the known word a misspelt one was meant to be; see `Speller`. */
export interface WordCorrector {
  correct(word: string): string;
}

function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Case, quotes, ages and school years, before the text is split into words. */
function prepare(raw: string): string {
  return (
    stripAccents(raw)
      .toLowerCase()
      .replace(/[\u2018\u2019\u201b\u02bc\u2032`´]/g, "'")
      .replace(/https?:\/\/\S+|\S+@\S+/g, ' ')
      // "she's" -> "shes" (read as "she is"), but "child's" -> "child": the owner is what matters.
      .replace(/\b(he|she|it|that|what|who|there|here|let|where|how)'s\b/g, '$1s')
      .replace(/([a-z])'s\b/g, '$1')
      .replace(/([a-z])'([a-z])/g, '$1$2')
      .replace(/\bs\/he\b/g, 'she')
      .replace(/\bw\/(?=\s|[a-z])/g, 'with ')
      .replace(/\bb\/c\b/g, 'because')
      .replace(/&/g, ' and ')
      .replace(/(\d+)\s*(?:y\/o|y\.o\.?|yo|yr olds?|yrs? old|years? olds?)(?![a-z])/g, '$1 year old ')
      .replace(/(\d+)(?:yrs?|y)(?![a-z])/g, '$1 year old ')
      .replace(/\b(?:yr|year|y)\s?(\d{1,2})(?![\d])/g, 'year $1 ')
      .replace(/(\d+)(st|nd|rd|th)\b/g, '$1')
  );
}

/** Shortens letters typed three or more times ("sooo", "hiiit") to two. */
function squeezeRepeats(word: string): string {
  return word.replace(/([a-z])\1{2,}/g, '$1$1');
}

/**
 * The words of a message, cleaned: lower case, no accents or apostrophes, text-speak and common
 * misspellings replaced, "14yo" read as "14 year old", letters typed over and over shortened, and
 * (with a corrector) other misspellings of known words put right.
 */
export function concernWords(raw: string, corrector?: WordCorrector): string[] {
  const rough = prepare(raw).match(/[a-z0-9]+/g) ?? [];
  const words: string[] = [];
  for (const token of rough) {
    let word = squeezeRepeats(token);
    if (word === '2' && TO_BEFORE.has(words[words.length - 1] ?? '')) word = 'to';
    const replaced = REPLACEMENTS[word];
    if (replaced !== undefined) {
      words.push(...replaced.split(' '));
      continue;
    }
    words.push(corrector ? corrector.correct(word) : word);
  }
  return joinPairs(words);
}

function joinPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? JOINED[`${words[i]} ${words[i + 1]}`] : undefined;
    if (pair) {
      out.push(pair);
      i++;
    } else out.push(words[i]);
  }
  return out;
}

/** The same cleaning without a corrector, for lexicon phrases and anything written carefully. */
export function plainWords(text: string): string[] {
  return concernWords(text);
}
