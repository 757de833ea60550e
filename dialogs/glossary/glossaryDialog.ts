import { DialogTurnResult, TextPrompt, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import { ASK_DIALOG, AskOptions } from './askDialog';
import { BaseDialog } from '../core/baseDialog';
import { DialogServices } from '../core/dialogServices';

export const GLOSSARY_DIALOG = 'glossaryDialog';
const TERM_PROMPT = `${GLOSSARY_DIALOG}.term`;

/** The word Teams' command menu puts in the compose box for the glossary command, on its own. */
const GLOSSARY_COMMAND = /^\s*glossary[\s.!?]*$/i;

/** True for the bare "glossary" command, which names no term yet. */
export function isGlossaryCommand(text: string): boolean {
  return GLOSSARY_COMMAND.test(text);
}

/** The "glossary" command-menu item: asks which term to look up, then answers it as a question. */
export class GlossaryDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(GLOSSARY_DIALOG, services);
    this.addDialog(new TextPrompt(TERM_PROMPT));
    this.addDialog(new WaterfallDialog(`${GLOSSARY_DIALOG}.steps`, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = `${GLOSSARY_DIALOG}.steps`;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TERM_PROMPT, { prompt: 'Which term or acronym would you like me to look up? For example CAF, TAC or lead professional.' });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const term = String(step.result ?? '').trim();
    if (!term || isGlossaryCommand(term)) {
      await step.context.sendActivity('Type the term you want explained, for example "CAF".');
      return step.replaceDialog(this.id);
    }
    return step.replaceDialog(ASK_DIALOG, { question: term } satisfies AskOptions);
  }
}
