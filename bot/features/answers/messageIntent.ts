/** What a short message is asking for, before it is treated as a question. */
export type MessageIntent =
  | 'greeting'
  | 'help'
  | 'cancel'
  | 'settings'
  | 'exportData'
  | 'deleteData'
  | 'gapReport'
  | 'newPulse'
  | 'pulse'
  | 'pulseResults'
  | 'trainingNeeds'
  | 'myReminders'
  | 'newBriefing'
  | 'briefingStatus'
  | 'editBriefing'
  | 'recallBriefing'
  | 'latestBriefings'
  | 'question';

const GREETING =
  /^(hi|hiya|hello|hey|heya|howdy|yo|good (morning|afternoon|evening|day)|morning|afternoon|start|get started|hi there|hello there)( (bot|there|all|everyone))?[\s!.,:)]*$/i;
const HELP =
  /^(help|\?+|menu|commands|options|what can (you|u) do|what do (you|u) do|how (does|do) (this|it|you) work|what are you|who are you|examples?)[\s!?.]*$/i;
const CANCEL = /^(cancel|stop|quit|exit|never ?mind|nevermind|abort|forget it)[\s!.]*$/i;

const SETTINGS =
  /^(my )?(settings|profile|preferences|details)( please)?$|^(change|update|edit|set( up)?) my (settings|profile|details|preferences|quiet hours|topics)\b/i;
const EXPORT_DATA =
  /^(export|download|show|send)( me)? (all )?my (personal )?data\b|^what (personal )?(data|information|info) do you (hold|have|keep|store) (on|about) me\b/i;
const DELETE_DATA = /^(delete|erase|remove|forget|wipe) (all )?(my (personal )?(data|details|information|profile)|me|everything about me)\b/i;
const GAP_REPORT = /^(content )?gaps?( report)?$|^(show|run)( me)? the (content )?gap report\b|^unanswered questions( report)?$/i;
const TRAINING_NEEDS =
  /^(what|which) (training|courses?)( do| should| must| have)? i( need| have to| got to| must| should)?( to)?( do| take| complete| book| attend| go on)( next| now)?$|^(what|which) (training|courses?)( do| should| must| have)? i( need| have to| got to| must| should)( to)?( next| now)?$|^(what|which) (training|courses?) (is|are) (mandatory|required|compulsory|due) for me$|^(show |what is |whats )?my (training|training pathway|pathway|training plan|training needs|mandatory training|required training)$|^training needs$|^(what|which) (training|courses?) am i (due|overdue)( for)?$|^am i (due|overdue) (any|for any) training$/i;
const MY_REMINDERS =
  /^((show|list|see|view|check|cancel|manage)( me)? )?(all )?my (training )?reminders$|^what reminders (do i have|have i (got|set))$|^(please )?remind me( please| (about|of) (a |my |the )?(training|course|session))?$|^(set|add)( up)? an? (training )?reminder$/i;
const NEW_PULSE = /^(new|start|create|run|send|set up)( an?)?( new)? pulse( survey)?$/i;
const PULSE =
  /^(pulses?|pulse surveys?|surveys?|my (pulses?|surveys?)|open (pulses?|surveys?)|(show|list|any)( me)?( my| open)? (pulses?|surveys?)( for me)?)$/i;
const PULSE_RESULTS = /^(?:show(?: me)? )?(?:the )?(?:(?:pulse|survey) )?results(?: (?:of|for))?(?:\s+(.*))?$/i;

const NEW_BRIEFING = /^(new|create|write|send|start|draft)( an?)?( new)? (strategy )?briefing$/i;
const BRIEFING_STATUS = /^(?:delivery )?status (?:of|for) (?:the )?(?:briefing )?(.+)$/i;
const EDIT_BRIEFING = /^(?:edit|change|update|correct) (?:the )?briefing (.+)$/i;
const RECALL_BRIEFING = /^(?:recall|withdraw|unsend|retract) (?:the )?briefing (.+)$/i;
const LATEST_BRIEFINGS =
  /^((show|list|any)( me)? )?(the |my )?(latest|recent|new|newest) (strategy )?briefings( for me)?$|^(strategy )?briefings$|^(what'?s|what is) (the )?(latest|new) (news|briefings?)$/i;

/** Recognises the bot's commands (greetings, help, settings, privacy, reports, training, pulses); everything else is a question. */
export function classifyMessage(text: string): MessageIntent {
  const t = text.trim().replace(/[.!?]+$/, '') || text.trim();
  if (CANCEL.test(t)) return 'cancel';
  if (HELP.test(t)) return 'help';
  if (GREETING.test(t)) return 'greeting';
  if (SETTINGS.test(t)) return 'settings';
  if (EXPORT_DATA.test(t)) return 'exportData';
  if (DELETE_DATA.test(t)) return 'deleteData';
  if (GAP_REPORT.test(t)) return 'gapReport';
  if (TRAINING_NEEDS.test(t)) return 'trainingNeeds';
  if (MY_REMINDERS.test(t)) return 'myReminders';
  if (NEW_PULSE.test(t)) return 'newPulse';
  if (PULSE.test(t)) return 'pulse';
  if (PULSE_RESULTS.test(t)) return 'pulseResults';
  if (NEW_BRIEFING.test(t)) return 'newBriefing';
  if (LATEST_BRIEFINGS.test(t)) return 'latestBriefings';
  if (BRIEFING_STATUS.test(t)) return 'briefingStatus';
  if (EDIT_BRIEFING.test(t)) return 'editBriefing';
  if (RECALL_BRIEFING.test(t)) return 'recallBriefing';
  return 'question';
}

/** The pulse named in "results of <pulse>" (empty when none is named), for the results command. */
export function pulseResultsName(text: string): string {
  const t = text.trim().replace(/[.!?]+$/, '');
  return (PULSE_RESULTS.exec(t)?.[1] ?? '').trim();
}

/** The briefing a status, edit or recall command names ("status of Induction changes" → "Induction changes"). */
export function briefingCommandTarget(text: string): string {
  const t = text.trim().replace(/[.!?]+$/, '');
  for (const pattern of [BRIEFING_STATUS, EDIT_BRIEFING, RECALL_BRIEFING]) {
    const match = pattern.exec(t);
    if (match) return match[1].trim().replace(/^["\u201C']|["\u201D']$/g, '');
  }
  return '';
}
