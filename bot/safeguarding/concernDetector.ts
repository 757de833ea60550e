/**
 * Recognises messages that report a worry about a particular child's safety, so the bot gives
 * safeguarding contacts instead of treating them as a glossary search. It leans towards caution:
 * a false alarm costs a card with phone numbers, a miss could cost far more.
 */

/** Harm, abuse and danger, in the words staff use when something has happened. */
const HARM =
  /\b(abus(e|ed|es|ing|ive)|molest\w*|rap(e|ed|ing)|sexual(ly)? (assault\w*|abus\w*|touch\w*|exploit\w*)|touch(ed|ing)? (him|her|them|me|a child) inappropriately|inappropriately touch\w*|groom(ed|ing)|exploit(ed|ing|ation)|traffick\w*|fgm|genital mutilation|forced (to )?marr\w*|radicali[sz]\w*|hurt(s|ing)?|hit(s|ting)?|beat(s|en|ing)?|punch\w*|kick(ed|ing)|slap\w*|burn(t|ed|s)|bruis\w*|injur(y|ies|ed)|marks on|harm(ed|ing)?|neglect(ed|ing)?|starv\w*|not (being )?fed|no food at home|lock(s|ed|ing)? ((him|her|them|me) )?(in|out|up)\b|thrown out|kicked out|unsafe|not safe|in danger|at risk|scared|afraid|frightened|terrified|self[- ]?harm\w*|cutting (themselves|himself|herself)|suicid\w*|kill (themselves|himself|herself|myself)|end (their|his|her) life|want(s|ed)? to die|overdos\w*|ran away|run(ning)? away|gone missing|went missing|missing from (home|care)|sleeping rough|homeless)\b/;

/** Words that place the harm on a real child or young person. */
const CHILD =
  /\b(child|children|kid|kids|young (person|people|man|woman|lad|girl)|yp|pupil|pupils|student|students|boy|girl|baby|babies|toddler|infant|teen|teenager|son|daughter|niece|nephew|learner|service user|looked after|in care|foster(ed)? child|my (class|group|caseload|care)|one of (my|our|the))\b/;

/** Signs the writer is describing something that happened, not asking about a topic. */
const INCIDENT =
  /\b(told me|has told|have told|disclos\w*|confided|said (that )?(he|she|they)|(he|she|they) (said|says|told)|i (think|suspect|believe|fear|noticed|saw|heard|am worried|m worried|am concerned|m concerned)|i'?m (worried|concerned|scared)|(worried|concerned) (about|that|for)|just (told|said|found|saw)|came in with|turned up with|today|this morning|last night|right now|at the moment|currently|keeps? (saying|telling)|(is|are|was|were|has been|have been|being|getting) (abus|hurt|hit|beat|harm|neglect|touch|groom|exploit|bull|threat|kick|punch|slap|burn|starv|lock)\w*|at home|in my (group|class|care|setting|caseload|team))\b/;

/** Phrases that are a concern on their own, whoever is asking. */
const ALWAYS =
  /\b(in immediate danger|(is|are) in danger|being (abused|hurt|harmed|beaten|hit|groomed|exploited|neglected|trafficked)|has been (abused|hurt|harmed|beaten|raped|assaulted)|(wants|want|going|threatening) to (kill|hurt) (themselves|himself|herself)|suicidal|report (a|my) (safeguarding )?concern|raise a (safeguarding )?concern|make a referral|(who|how) do i (report|refer|tell)|need to (report|refer))\b/;

/** Questions about a topic (training, definitions, policy), which are answered normally. */
const TOPIC_QUESTION =
  /^\s*(what|whats|what's|wat|define|definition|meaning|explain|where|when|which|how long|how often|is there|are there|do i need|does|tell me about|list|give me)\b/;
const TOPIC_WORDS =
  /\b(training|course|courses|module|e-?learning|policy|policies|procedure|procedures|definition|defined|mean|means|meaning|types?|categories|category|levels?|signs|indicators|legislation|law|act|framework|stand for|board|lscb|certificate|qualification|role of|responsibilit\w*|guidance|standards?|common core|area|week|month)\b/;

/** True when the message reports concern about a child's safety. */
export function isSafeguardingConcern(message: string): boolean {
  const text = message
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');
  if (ALWAYS.test(text)) return true;
  if (!HARM.test(text)) return false;
  const incident = INCIDENT.test(text);
  if (TOPIC_QUESTION.test(text) && TOPIC_WORDS.test(text) && !incident) return false;
  return incident || (CHILD.test(text) && !TOPIC_WORDS.test(text));
}
