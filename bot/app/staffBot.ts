import {
  Activity,
  AdaptiveCardInvokeResponse,
  BotState,
  ChannelAccount,
  InvokeResponse,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  StatePropertyAccessor,
  TaskModuleRequest,
  TaskModuleResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { Dialog, DialogSet, DialogState, DialogTurnStatus } from '../../dialogs/core/dialogKit';
import { Logger } from 'pino';
import { actionStyleFor } from '../../dialogs/cards/adaptiveCard';
import { cardActivity } from '../../dialogs/cards/cardActivity';
import { createWelcomeCard } from '../../dialogs/core/createWelcomeCard';
import { cleanMessageText } from '../features/answers/cleanMessageText';
import { isBotRemoval, isGroupChat } from '../platform/delivery/conversationRecord';
import { CardActionResult, CardActionRouter, unknownAction } from '../../dialogs/core/cardActionRouter';
import { TaskModuleHandler } from './teams/briefingTaskModule';
import { TurnScope } from './turnScope';
import { DECLINED_INVOKE_TEXT, declinedInvoke } from './teams/declinedInvoke';
import { fitInvokeResponse } from './replySize';
import { GlossaryMessageExtension } from './teams/glossaryMessageExtension';

export interface StaffBotDependencies {
  conversationState: BotState;
  rootDialog: Dialog;
  cardActions: CardActionRouter;
  botName: string;
  logger: Logger;
  /** Called for every activity before routing, e.g. to keep conversation references. */
  onActivity?: (context: TurnContext) => Promise<void>;
  /** A line after the web chat welcome (e.g. unread briefings), or nothing. */
  webChatGreeting?: (context: TurnContext) => Promise<string | undefined>;
  /** Called when the bot is removed from a conversation. */
  onRemoved?: (context: TurnContext) => Promise<void>;
  /** The compose-box glossary search; without it search invokes are declined. */
  messageExtension?: GlossaryMessageExtension;
  /** Checks the free text of every card submission for a safeguarding concern (showing the card at once) before it is handled. */
  checkSubmission?: (context: TurnContext, verb: unknown, data: unknown) => Promise<unknown>;
  /** Teams dialogs (task modules) the bot's cards open, such as a long briefing's full text. */
  taskModules?: TaskModuleHandler;
  /** Makes the turn's asker known to the stores below it (the gap report counts once per person a day). */
  turnScope?: TurnScope;
}

/** Set on a turn whose user's data was just erased, so the turn writes no state back. */
export const FORGET_TURN_STATE = Symbol('forgetTurnState');

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

/**
 * Routes Teams and Web Chat activities: messages to the dialogs (only when @mentioned in channels
 * and group chats), card buttons to their handlers, installs to one welcome; saves state each turn.
 */
export class StaffBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: StaffBotDependencies) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(deps.rootDialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeIfBotAdded(context, context.activity.membersAdded ?? []);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await deps.onRemoved?.(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (isBotRemoval(context.activity)) await deps.onRemoved?.(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.turnScope) return this.deps.turnScope.run(context, () => this.runTurn(context));
    return this.runTurn(context);
  }

  private async runTurn(context: TurnContext): Promise<void> {
    await this.deps.onActivity?.(context);
    await super.run(context);
    if (context.turnState.get(FORGET_TURN_STATE)) return;
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const value = activity.value as Record<string, unknown> | undefined;
    const isSubmit = value !== null && typeof value === 'object' && !activity.text;
    if (isSubmit) await this.deps.checkSubmission?.(context, value.verb, value);
    if (isSubmit && this.deps.cardActions.handles(value.verb)) {
      await this.sendSubmitResult(context, await this.dispatchCardAction(context, value.verb, value));
      return;
    }
    if (!isSubmit && isGroupChat(activity) && !this.mentionsBot(activity)) return;
    activity.text = cleanMessageText(activity.text);

    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) {
      await dc.continueDialog();
      return;
    }
    if (isSubmit) {
      await this.sendSubmitResult(context, unknownAction());
      return;
    }
    const result = await dc.beginDialog(this.deps.rootDialog.id);
    if (result.status === DialogTurnStatus.empty) this.deps.logger.warn('root dialog did not start');
  }

  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (!this.deps.messageExtension) return super.handleTeamsMessagingExtensionQuery(context, query);
    return this.deps.messageExtension.query(query);
  }

  protected override async handleTeamsMessagingExtensionSelectItem(context: TurnContext, value: unknown): Promise<MessagingExtensionResponse> {
    if (!this.deps.messageExtension) return super.handleTeamsMessagingExtensionSelectItem(context, value);
    return this.deps.messageExtension.select(value);
  }

  protected override async handleTeamsTaskModuleFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.taskModule(context, request);
  }

  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.taskModule(context, request);
  }

  private async taskModule(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const data = request?.data && typeof request.data === 'object' ? (request.data as Record<string, unknown>) : {};
    return (await this.deps.taskModules?.(context, data)) ?? { task: { type: 'message', value: DECLINED_INVOKE_TEXT } };
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    // Every invoke answer is measured too, since Teams refuses oversized ones as it does messages.
    return fitInvokeResponse(context.activity.name, await this.invokeResponse(context));
  }

  private async invokeResponse(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') {
      const response = await super.onInvokeActivity(context);
      // The SDK answers invokes nobody handles with an empty 501, which Teams shows as an error.
      return response.status === 501 ? declinedInvoke(context.activity.name) : response;
    }
    // Universal Actions always answer HTTP 200; success or refusal travels in the body.
    return { status: 200, body: await this.onAdaptiveCardInvoke(context) };
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const action = (context.activity.value as { action?: { type?: string; verb?: unknown; data?: unknown } } | undefined)?.action;
    if (action) await this.deps.checkSubmission?.(context, action.verb, action.data);
    if (!action || action.type !== 'Action.Execute' || !this.deps.cardActions.handles(action.verb)) {
      return this.toInvokeResponse(context, unknownAction());
    }
    const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
    return this.toInvokeResponse(context, await this.dispatchCardAction(context, action.verb, data));
  }

  private dispatchCardAction(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<CardActionResult> {
    return this.deps.cardActions.dispatch({ verb, data, context, style: actionStyleFor(context.activity.channelId) });
  }

  private async toInvokeResponse(context: TurnContext, result: CardActionResult): Promise<AdaptiveCardInvokeResponse> {
    switch (result.kind) {
      case 'refresh':
        return { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card.card as unknown as Record<string, unknown> };
      case 'post':
        await context.sendActivity(cardActivity(result.card));
        return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.note as unknown as Record<string, unknown> };
      case 'message':
        return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.text as unknown as Record<string, unknown> };
      case 'refused':
        return {
          statusCode: result.statusCode ?? 400,
          type: ERROR_CONTENT_TYPE,
          value: { code: 'BadRequest', message: result.text },
        };
    }
  }

  private async sendSubmitResult(context: TurnContext, result: CardActionResult): Promise<void> {
    switch (result.kind) {
      case 'refresh':
        await context.sendActivity(result.note);
        return;
      case 'post':
        await context.sendActivity(cardActivity(result.card));
        return;
      case 'message':
      case 'refused':
        await context.sendActivity(result.text);
        return;
    }
  }

  private async welcomeIfBotAdded(context: TurnContext, added: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!added.some((m) => m.id === botId)) return;
    const inChannel = context.activity.conversation?.conversationType === 'channel';
    const card = createWelcomeCard(this.deps.botName, actionStyleFor(context.activity.channelId), inChannel);
    await context.sendActivity(cardActivity(card));
    if (context.activity.channelId !== 'msteams') {
      const greeting = await this.deps.webChatGreeting?.(context);
      if (greeting) await context.sendActivity(greeting);
    }
  }

  private mentionsBot(activity: Activity): boolean {
    return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === activity.recipient?.id);
  }
}
