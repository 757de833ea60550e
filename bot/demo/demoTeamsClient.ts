import { randomUUID } from 'node:crypto';
import { DemoChats } from './demoChats';
import { DEMO_TENANT_ID, DemoPerson } from './demoStaff';

/** What a simulated person did in their chat: typed a message, or pressed a card button. */
export type DemoAction =
  { kind: 'text'; text: string } | { kind: 'execute'; verb: string; data?: unknown; replyToId: string } | { kind: 'submit'; data?: unknown; replyToId: string };

/** What became of an action: the bot's HTTP status and, for refusals, why. */
export interface DemoActionOutcome {
  status: number;
  problem?: string;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Teams' own instructions carried in an Action.Submit's data (imBack, messageBack, task/fetch). */
interface TeamsSubmitData {
  msteams?: { type?: string; value?: unknown; text?: string; displayText?: string };
  [key: string]: unknown;
}

/**
 * Plays Microsoft Teams for the demo's simulated staff: turns what a person does into the activity
 * Teams would send to the bot's /api/messages (a message, an Action.Submit's value, an
 * Action.Execute invoke, a task module fetch or submit) and applies the invoke answer to the chat as
 * Teams does (an updated card replaces the one pressed; a dialog opens).
 */
export class DemoTeamsClient {
  constructor(private readonly options: { botUrl: () => string; serviceUrl: () => string; chats: DemoChats; botId: string; botName: string }) {}

  /** Tells the bot the app was installed in this person's personal scope: Teams says the bot was added to their chat. */
  async install(person: DemoPerson): Promise<DemoActionOutcome> {
    return this.post({ ...this.envelope(person), type: 'conversationUpdate', membersAdded: [{ id: this.options.botId }] });
  }

  /** Does what the person did and applies the bot's answer to their chat. */
  async act(person: DemoPerson, action: DemoAction): Promise<DemoActionOutcome> {
    const { chats } = this.options;
    if (action.kind === 'text') {
      chats.add(person.conversationId, 'person', { text: action.text });
      return this.post({ ...this.envelope(person), type: 'message', text: action.text, textFormat: 'plain' });
    }
    const pressed = chats.get(person.conversationId, action.replyToId);
    if (!pressed || pressed.deleted) return { status: 404, problem: 'That card is no longer in the chat.' };
    if (action.kind === 'execute') {
      const activity = {
        ...this.envelope(person),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: action.replyToId,
        value: { action: { type: 'Action.Execute', id: randomUUID(), verb: action.verb, data: action.data ?? {} }, trigger: 'manual' },
      };
      return this.invoke(person, activity, action.replyToId);
    }
    const data = (action.data ?? {}) as TeamsSubmitData;
    const teams = typeof data === 'object' && data !== null ? data.msteams : undefined;
    if (teams?.type === 'imBack' && typeof teams.value === 'string') return this.act(person, { kind: 'text', text: teams.value });
    if (teams?.type === 'messageBack') {
      if (teams.displayText) chats.add(person.conversationId, 'person', { text: teams.displayText });
      return this.post({ ...this.envelope(person), type: 'message', text: teams.text, value: withoutTeams(data), replyToId: action.replyToId });
    }
    if (teams?.type === 'task/fetch')
      return this.invoke(
        person,
        {
          ...this.envelope(person),
          type: 'invoke',
          name: 'task/fetch',
          replyToId: action.replyToId,
          value: { data: withoutTeams(data), context: { theme: 'default' } },
        },
        undefined,
      );
    if (pressed.from === 'dialog')
      return this.invoke(
        person,
        { ...this.envelope(person), type: 'invoke', name: 'task/submit', value: { data, context: { theme: 'default' } } },
        action.replyToId,
      );
    return this.post({ ...this.envelope(person), type: 'message', value: data, replyToId: action.replyToId });
  }

  /** Sends an invoke and shows its answer: a card replaces the one pressed, a dialog opens or closes, a message is posted. */
  private async invoke(person: DemoPerson, activity: Record<string, unknown>, pressedId: string | undefined): Promise<DemoActionOutcome> {
    const { chats } = this.options;
    const res = await this.send(activity);
    if (res.status >= 400) return { status: res.status, problem: describe(res.body) };
    const body = (res.body ?? {}) as { type?: string; value?: unknown; task?: { type?: string; value?: unknown } };
    if (body.type === CARD && pressedId) chats.update(person.conversationId, pressedId, { attachments: [{ contentType: CARD, content: body.value }] });
    else if (body.type === 'application/vnd.microsoft.activity.message' && typeof body.value === 'string')
      chats.add(person.conversationId, 'dialog', { text: body.value, title: 'Message from the bot' });
    else if (body.task?.type === 'continue') {
      const task = (body.task.value ?? {}) as { title?: string; card?: { contentType?: string; content?: unknown } };
      const dialog = { title: task.title ?? 'Dialog', attachments: task.card ? [task.card] : undefined };
      if (pressedId && chats.get(person.conversationId, pressedId)?.from === 'dialog') chats.update(person.conversationId, pressedId, dialog);
      else chats.add(person.conversationId, 'dialog', dialog);
    } else if (body.task?.type === 'message' && typeof body.task.value === 'string')
      chats.add(person.conversationId, 'dialog', { title: 'Message from the bot', text: body.task.value });
    return { status: res.status };
  }

  private async post(activity: Record<string, unknown>): Promise<DemoActionOutcome> {
    const res = await this.send(activity);
    return res.status >= 400 ? { status: res.status, problem: describe(res.body) } : { status: res.status };
  }

  private async send(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.options.botUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }

  /** The parts every activity from this person's personal chat carries. */
  private envelope(person: DemoPerson) {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.options.serviceUrl(),
      from: { id: person.userId, name: person.name, aadObjectId: person.aadObjectId },
      recipient: { id: this.options.botId, name: this.options.botName },
      conversation: { id: person.conversationId, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
      locale: 'en-GB',
    };
  }
}

/** An Action.Submit's data as Teams passes it on: without its own msteams instructions. */
function withoutTeams(data: TeamsSubmitData): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...data };
  delete rest.msteams;
  return rest;
}

function describe(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : 'the bot refused it';
}
