import { TurnContext } from 'botbuilder';
import { Dialog, DialogInstance, DialogReason, DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import type { Prompt, PromptOptions } from 'botbuilder-dialogs/lib/prompts/prompt';

/**
 * A prompt whose library (with Microsoft's language recognizers, a large load) is required the
 * first time it is asked, not when the dialogs are built at start-up. It keeps no state of its
 * own: the prompt's state lives on the dialog stack, as with the prompt it stands for.
 */
abstract class LazyPrompt extends Dialog {
  private prompt?: Prompt<unknown>;

  protected abstract create(): Prompt<unknown>;

  private inner(): Prompt<unknown> {
    this.prompt ??= this.create();
    return this.prompt;
  }

  beginDialog(dc: DialogContext, options: PromptOptions): Promise<DialogTurnResult> {
    return this.inner().beginDialog(dc, options);
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.inner().continueDialog(dc);
  }

  override resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    return this.inner().resumeDialog(dc, reason, result);
  }

  override repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    return this.inner().repromptDialog(context, instance);
  }
}

/** A yes/no prompt, loaded when first asked. */
export class LazyConfirmPrompt extends LazyPrompt {
  protected create(): Prompt<unknown> {
    // A require, not an import, so the recognizers load only when a prompt is first asked.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ConfirmPrompt } = require('botbuilder-dialogs/lib/prompts/confirmPrompt') as typeof import('botbuilder-dialogs/lib/prompts/confirmPrompt');
    return new ConfirmPrompt(this.id);
  }
}

/** A free-text prompt, loaded when first asked. */
export class LazyTextPrompt extends LazyPrompt {
  protected create(): Prompt<unknown> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TextPrompt } = require('botbuilder-dialogs/lib/prompts/textPrompt') as typeof import('botbuilder-dialogs/lib/prompts/textPrompt');
    return new TextPrompt(this.id);
  }
}
