/** What a short message is asking for, before it is treated as a question. */
export type MessageIntent = 'greeting' | 'help' | 'cancel' | 'question';

const GREETING = /^(hi|hiya|hello|hey|heya|howdy|yo|good (morning|afternoon|evening|day)|morning|afternoon|start|get started|hi there|hello there)( (bot|there|all|everyone))?[\s!.,:)]*$/i;
const HELP = /^(help|\?+|menu|commands|options|what can (you|u) do|what do (you|u) do|how (does|do) (this|it|you) work|what are you|who are you|examples?)[\s!?.]*$/i;
const CANCEL = /^(cancel|stop|quit|exit|never ?mind|nevermind|abort|forget it)[\s!.]*$/i;

/** Recognises greetings, requests for help and cancellations; everything else is a question. */
export function classifyMessage(text: string): MessageIntent {
  const t = text.trim();
  if (CANCEL.test(t)) return 'cancel';
  if (HELP.test(t)) return 'help';
  if (GREETING.test(t)) return 'greeting';
  return 'question';
}
