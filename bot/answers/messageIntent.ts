/** What a short message is asking for, before it is treated as a question. */
export type MessageIntent = 'greeting' | 'help' | 'cancel' | 'settings' | 'exportData' | 'deleteData' | 'gapReport' | 'question';

const GREETING = /^(hi|hiya|hello|hey|heya|howdy|yo|good (morning|afternoon|evening|day)|morning|afternoon|start|get started|hi there|hello there)( (bot|there|all|everyone))?[\s!.,:)]*$/i;
const HELP = /^(help|\?+|menu|commands|options|what can (you|u) do|what do (you|u) do|how (does|do) (this|it|you) work|what are you|who are you|examples?)[\s!?.]*$/i;
const CANCEL = /^(cancel|stop|quit|exit|never ?mind|nevermind|abort|forget it)[\s!.]*$/i;

const SETTINGS = /^(my )?(settings|profile|preferences|details)( please)?$|^(change|update|edit|set( up)?) my (settings|profile|details|preferences|quiet hours|topics)\b/i;
const EXPORT_DATA = /^(export|download|show|send)( me)? (all )?my (personal )?data\b|^what (personal )?(data|information|info) do you (hold|have|keep|store) (on|about) me\b/i;
const DELETE_DATA = /^(delete|erase|remove|forget|wipe) (all )?(my (personal )?(data|details|information|profile)|me|everything about me)\b/i;
const GAP_REPORT = /^(content )?gaps?( report)?$|^(show|run)( me)? the (content )?gap report\b|^unanswered questions( report)?$/i;

/** Recognises the bot's commands (greetings, help, settings, privacy, reports); everything else is a question. */
export function classifyMessage(text: string): MessageIntent {
  const t = text.trim().replace(/[.!?]+$/, '') || text.trim();
  if (CANCEL.test(t)) return 'cancel';
  if (HELP.test(t)) return 'help';
  if (GREETING.test(t)) return 'greeting';
  if (SETTINGS.test(t)) return 'settings';
  if (EXPORT_DATA.test(t)) return 'exportData';
  if (DELETE_DATA.test(t)) return 'deleteData';
  if (GAP_REPORT.test(t)) return 'gapReport';
  return 'question';
}
