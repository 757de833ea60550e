import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from '../core/dialogKit';
import type { BriefingService } from '../../bot/features/briefings/briefingService';
import { briefingInputFromForm } from '../../bot/features/briefings/briefingForm';
import { BriefingDraft, BriefingInput, checkBriefing } from '../../bot/features/briefings/briefingInput';
import { draftAsBriefing } from '../../bot/features/briefings/briefings';
import { describeAudience } from '../../bot/features/audience/audienceFilter';
import { BaseDialog } from '../core/baseDialog';
import { CardChoiceDialog } from '../core/cardChoiceDialog';
import { CardFormDialog, FormResult } from '../core/cardFormDialog';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createBriefingCard } from './createBriefingCard';
import { BRIEFING_FORM_VERB, createBriefingFormCard } from './createBriefingFormCard';
import { createBriefingPreviewCard, PREVIEW_CANCEL_VERB, PREVIEW_CHANGE_VERB, PREVIEW_CONFIRM_VERB, PREVIEW_TEST_VERB } from './createBriefingPreviewCard';
import { formatLondonDateTime } from '../cards/londonTime';
import { DialogServices } from '../core/dialogServices';
import { LONDON_ZONE } from '../../knowledge/londonZone';

export const NEW_BRIEFING_DIALOG = 'newBriefingDialog';
const FORM = `${NEW_BRIEFING_DIALOG}.form`;
const EDIT_FORM = `${NEW_BRIEFING_DIALOG}.editForm`;
const CHOICE = `${NEW_BRIEFING_DIALOG}.choice`;

/** Options: which briefing to edit; none means a new one. Form values come back on "Change". */
export interface NewBriefingOptions {
  editId?: number;
  values?: Record<string, unknown>;
  /** Go straight back to the preview with these values (after a test copy). */
  previewAgain?: boolean;
}

/** What the waterfall keeps between steps (JSON, in dialog state). */
interface BriefingSteps {
  options: NewBriefingOptions;
  values?: Record<string, unknown>;
  input?: BriefingInput;
}

/** A form that passed its checks: what was typed, the input read from it, and the draft it makes. */
interface ValidForm {
  values: Record<string, unknown>;
  input: BriefingInput;
  draft: BriefingDraft;
  notes: string[];
}

/**
 * "New briefing" (and "edit briefing …") for the communications team: a form, a preview with the
 * card staff will see and who it reaches, a test copy on request, then confirm and send.
 */
export class NewBriefingDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(NEW_BRIEFING_DIALOG, services);
    const validate = (values: Record<string, unknown>) => this.validate(values);
    this.addDialog(new CardFormDialog(FORM, { verb: BRIEFING_FORM_VERB, card: ({ values, errors }) => createBriefingFormCard(values, errors), validate }));
    this.addDialog(
      new CardFormDialog(EDIT_FORM, { verb: BRIEFING_FORM_VERB, card: ({ values, errors }) => createBriefingFormCard(values, errors, true), validate }),
    );
    this.addDialog(new CardChoiceDialog(CHOICE));
    this.addDialog(new WaterfallDialog(`${NEW_BRIEFING_DIALOG}.steps`, [this.formStep.bind(this), this.previewStep.bind(this), this.choiceStep.bind(this)]));
    this.initialDialogId = `${NEW_BRIEFING_DIALOG}.steps`;
  }

  /** Checks a submitted form; the draft goes to the preview in the same turn, the input is kept to check again at confirmation. */
  private validate(values: Record<string, unknown>): FormResult<ValidForm> {
    const input = briefingInputFromForm(values, this.services.now().setZone(LONDON_ZONE).toISODate() ?? '');
    const checked = checkBriefing(input, this.services.now(), LONDON_ZONE);
    return checked.ok ? { ok: true, value: { values, input, draft: checked.draft, notes: checked.notes } } : { ok: false, errors: checked.errors };
  }

  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as NewBriefingOptions;
    const steps = step.values as BriefingSteps;
    steps.options = options;
    const briefings = this.services.briefings;
    if (!briefings || !(await this.services.access.hasRole(step.context, 'comms'))) {
      await step.context.sendActivity(
        'Sorry, only the communications team can send strategy briefings. Type "latest briefings" to read the ones meant for you.',
      );
      return step.endDialog();
    }
    if (options.previewAgain && options.values) {
      const checked = this.validate(options.values);
      if (checked.ok) return step.next(checked.value);
    }
    if (options.editId !== undefined) {
      const briefing = await briefings.get(options.editId);
      if (!briefing || briefing.status === 'recalled') {
        await step.context.sendActivity('That briefing does not exist or was recalled, so it cannot be edited.');
        return step.endDialog();
      }
      const values = options.values ?? {
        title: briefing.title,
        summary: briefing.summary,
        body: briefing.body,
        link: briefing.link,
        topics: briefing.topics.join(','),
      };
      return step.beginDialog(EDIT_FORM, values);
    }
    return step.beginDialog(FORM, options.values ?? {});
  }

  private async previewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const steps = step.values as BriefingSteps;
    const checked = step.result as ValidForm;
    steps.values = checked.values;
    steps.input = checked.input;
    const style = actionStyleFor(step.context.activity.channelId);
    const briefings = this.services.briefings;
    if (!briefings) return this.notAvailable(step, 'Strategy briefings');
    const { editId } = steps.options;
    const editing = editId !== undefined;
    await step.context.sendActivity(cardActivity(createBriefingCard(draftAsBriefing(checked.draft), { style, test: true })));
    const counts = editId !== undefined ? await briefings.status(editId) : undefined;
    const preview = createBriefingPreviewCard({
      title: checked.draft.title,
      audience: describeAudience(checked.draft.audience),
      recipients: editing ? (counts?.counts.sent ?? 0) : await briefings.audienceSize(checked.draft),
      when: checked.draft.publishAt <= this.services.now() ? 'now' : formatLondonDateTime(checked.draft.publishAt),
      urgent: checked.draft.urgent,
      notes: checked.notes,
      editing,
    });
    return step.beginDialog(CHOICE, { card: preview, verbs: [PREVIEW_TEST_VERB, PREVIEW_CONFIRM_VERB, PREVIEW_CHANGE_VERB, PREVIEW_CANCEL_VERB] });
  }

  private async choiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const steps = step.values as BriefingSteps;
    const checked = checkBriefing(steps.input, this.services.now(), LONDON_ZONE);
    switch (step.result as string) {
      case PREVIEW_TEST_VERB:
        // The preview shown again below starts with the test copy, so it is not sent here as well.
        if (checked.ok) await step.context.sendActivity('Here is a test copy, only for you. Confirm when you are happy.');
        return step.replaceDialog(this.initialDialogId, { ...steps.options, values: steps.values, previewAgain: true } satisfies NewBriefingOptions);
      case PREVIEW_CHANGE_VERB:
        return step.replaceDialog(this.initialDialogId, { ...steps.options, values: steps.values, previewAgain: false } satisfies NewBriefingOptions);
      case PREVIEW_CANCEL_VERB:
        await step.context.sendActivity('OK, nothing was sent.');
        return step.endDialog();
      default:
        if (!checked.ok) return step.endDialog();
        if (!this.services.briefings) return this.notAvailable(step, 'Strategy briefings');
        await this.confirm(step, this.services.briefings, steps, checked.draft, checked.notes);
        return step.endDialog();
    }
  }

  private async confirm(step: WaterfallStepContext, briefings: BriefingService, steps: BriefingSteps, draft: BriefingDraft, notes: string[]): Promise<void> {
    if (steps.options.editId !== undefined) {
      const result = await briefings.edit(steps.options.editId, draft);
      await step.context.sendActivity(
        result.updated
          ? `Saved. Updating ${result.cardsUpdating} card(s) already sent; copies not yet sent will carry the new words.`
          : 'That briefing can no longer be edited.',
      );
      return;
    }
    const id = await briefings.create(draft, step.context.activity.from.id);
    const published = await briefings.publish(id);
    const when = draft.publishAt <= this.services.now() ? 'now' : `from ${formatLondonDateTime(draft.publishAt)}`;
    const lines = [
      `Queued for ${published.queued} ${published.queued === 1 ? 'person' : 'people'}, sending ${when}${draft.urgent ? ' (urgent: quiet hours ignored)' : ' within working hours and outside quiet hours'}.`,
      published.unreachable ? `${published.unreachable} cannot be reached yet (no chat with the bot).` : '',
      ...notes,
      `Type "status of ${draft.title}" to follow it.`,
    ];
    await step.context.sendActivity(lines.filter(Boolean).join(' '));
  }
}
