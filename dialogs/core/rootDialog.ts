import { DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from './dialogKit';
import { briefingCommandTarget, classifyMessage } from '../../bot/features/answers/messageIntent';
import { DateTime } from 'luxon';
import { ASK_DIALOG, AskDialog, AskOptions } from '../glossary/askDialog';
import { BaseDialog } from './baseDialog';
import { interrupt } from './interruptions';
import { answerBesideForm } from './questionBesideForm';
import { replyToConcern } from '../safeguarding/safeguardingReply';
import { sendBriefingStatus, sendLatestBriefings } from '../briefings/briefingCommands';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createGapReportCard } from '../content/createGapReportCard';
import { createWelcomeCard } from './createWelcomeCard';
import { dataExportActivities } from '../settings/dataExportMessages';
import { DELETE_DATA_DIALOG, DeleteDataDialog } from '../settings/deleteDataDialog';
import { DialogServices } from './dialogServices';
import { GLOSSARY_DIALOG, GlossaryDialog, isGlossaryCommand } from '../glossary/glossaryDialog';
import { NEW_BRIEFING_DIALOG, NewBriefingDialog, NewBriefingOptions } from '../briefings/newBriefingDialog';
import { NEW_PULSE_DIALOG, NewPulseDialog } from '../surveys/newPulseDialog';
import { RECALL_BRIEFING_DIALOG, RecallBriefingDialog, RecallBriefingOptions } from '../briefings/recallBriefingDialog';
import { sendOpenPulses, sendPulseResults } from '../surveys/pulseCommands';
import { SETTINGS_DIALOG, SettingsDialog } from '../settings/settingsDialog';
import { sendMyReminders, sendTrainingPathway } from '../training/trainingCommands';

/** How far back the chat gap report looks. */
export const GAP_REPORT_DAYS = 90;

export const ROOT_DIALOG = 'rootDialog';

/** Dialogs only comms users and admins may be in: each of their steps needs the role again. */
const PRIVILEGED_DIALOGS = new Set([NEW_BRIEFING_DIALOG, RECALL_BRIEFING_DIALOG, NEW_PULSE_DIALOG]);

/** The entry point for every message: greets, helps, or hands the question to the right dialog. */
export class RootDialog extends BaseDialog {
  constructor(services: DialogServices) {
    super(ROOT_DIALOG, services);
    this.addDialog(new AskDialog(services));
    this.addDialog(new SettingsDialog(services));
    this.addDialog(new DeleteDataDialog(services));
    this.addDialog(new NewPulseDialog(services));
    this.addDialog(new NewBriefingDialog(services));
    this.addDialog(new RecallBriefingDialog(services));
    this.addDialog(new GlossaryDialog(services));
    this.addDialog(new WaterfallDialog(`${ROOT_DIALOG}.route`, [this.routeStep.bind(this)]));
    this.initialDialogId = `${ROOT_DIALOG}.route`;
  }

  /**
   * Safeguarding, "help" and "cancel" interrupt whichever dialog is under way, checked once here for
   * all of them; a privileged dialog checks its author's role again at every step, so someone whose
   * role was removed cannot finish a briefing or pulse they started before; and a question typed
   * beside an open form is answered without closing the form.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await interrupt(innerDc, this.services);
    if (interrupted) return interrupted;
    if (PRIVILEGED_DIALOGS.has(innerDc.activeDialog?.id ?? '') && !(await this.services.access.hasRole(innerDc.context, 'comms'))) {
      await innerDc.context.sendActivity(
        'You no longer have the communications role, so I stopped that and nothing was sent. Ask an admin if you think this is wrong.',
      );
      return innerDc.cancelAllDialogs();
    }
    const answered = await answerBesideForm(innerDc, this.services);
    if (answered) return answered;
    return super.onContinueDialog(innerDc);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    // A worry about a child comes before any command or question it may also contain.
    if (text && (await replyToConcern(step.context, this.services, text))) return step.endDialog();
    if (isGlossaryCommand(text)) return step.beginDialog(GLOSSARY_DIALOG);
    const intent = classifyMessage(text);
    if (intent === 'greeting' || intent === 'help') {
      const inChannel = step.context.activity.conversation?.conversationType === 'channel';
      const card = createWelcomeCard(this.services.settings.botName, actionStyleFor(step.context.activity.channelId), inChannel);
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    }
    switch (intent) {
      case 'cancel':
        await step.context.sendActivity("There's nothing to cancel. Ask me anything when you're ready.");
        return step.endDialog();
      case 'settings':
        return step.beginDialog(SETTINGS_DIALOG);
      case 'deleteData':
        return step.beginDialog(DELETE_DATA_DIALOG);
      case 'exportData':
        for (const message of dataExportActivities(await this.services.userData.export(step.context.activity.from.id), step.context.activity.channelId))
          await step.context.sendActivity(message);
        return step.endDialog();
      case 'gapReport':
        await this.sendGapReport(step);
        return step.endDialog();
      case 'newPulse':
        return step.beginDialog(NEW_PULSE_DIALOG);
      case 'pulse':
        await sendOpenPulses(step.context, this.services);
        return step.endDialog();
      case 'pulseResults':
        await sendPulseResults(step.context, this.services);
        return step.endDialog();
      case 'trainingNeeds':
        await sendTrainingPathway(step.context, this.services);
        return step.endDialog();
      case 'myReminders':
        await sendMyReminders(step.context, this.services);
        return step.endDialog();
      case 'newBriefing':
        return step.beginDialog(NEW_BRIEFING_DIALOG);
      case 'latestBriefings':
        await sendLatestBriefings(step.context, this.services);
        return step.endDialog();
      case 'briefingStatus':
      case 'editBriefing':
      case 'recallBriefing':
        return this.briefingCommand(step, intent, text);
      default:
        return step.beginDialog(ASK_DIALOG, { question: text } satisfies AskOptions);
    }
  }

  /** Status, edit and recall of a named briefing, for the comms team; anyone else's words are a question. */
  private async briefingCommand(
    step: WaterfallStepContext,
    intent: 'briefingStatus' | 'editBriefing' | 'recallBriefing',
    text: string,
  ): Promise<DialogTurnResult> {
    if (!this.services.briefings || !(await this.services.access.hasRole(step.context, 'comms'))) {
      return step.beginDialog(ASK_DIALOG, { question: text } satisfies AskOptions);
    }
    const target = briefingCommandTarget(text);
    if (intent === 'briefingStatus') {
      await sendBriefingStatus(step.context, this.services, target);
      return step.endDialog();
    }
    const briefing = await this.services.briefings.findByTitle(target);
    if (!briefing) {
      await sendBriefingStatus(step.context, this.services, target);
      return step.endDialog();
    }
    return intent === 'editBriefing'
      ? step.beginDialog(NEW_BRIEFING_DIALOG, { editId: briefing.id } satisfies NewBriefingOptions)
      : step.beginDialog(RECALL_BRIEFING_DIALOG, { briefingId: briefing.id } satisfies RecallBriefingOptions);
  }

  private async sendGapReport(step: WaterfallStepContext): Promise<void> {
    if (!(await this.services.access.hasRole(step.context, 'comms'))) {
      await step.context.sendActivity('Sorry, the content gap report is only for the communications and content teams.');
      return;
    }
    const since: DateTime = this.services.now().minus({ days: GAP_REPORT_DAYS });
    const report = await this.services.gaps.gapReport(since);
    const titleOf = (id: string) => this.services.answerer.entry(id)?.title ?? id;
    await step.context.sendActivity(cardActivity(createGapReportCard(report, titleOf, GAP_REPORT_DAYS)));
  }
}
