import { Activity } from 'botbuilder';
import { ConnectorHttp } from './connectorHttp';
import { ConnectorTokenProvider } from './connectorTokens';
import { OUTGOING_ACTIVITY_TYPE, OutgoingMessage } from './outgoingMessage';

/** Where a copy goes: the conversation's Bot Connector service and id. */
export interface SendTarget {
  serviceUrl: string;
  conversationId: string;
}

/** What the connector said: accepted (with the new activity id), or refused with its status. */
export type SendOutcome = { ok: true; activityId?: string } | { ok: false; status: number; retryAfterMs?: number; error: string };

/** Who a new personal conversation is between: the bot and one member of a tenant. */
export interface NewConversation {
  serviceUrl: string;
  tenantId?: string;
  botId: string;
  memberId: string;
}

/** A connector response with its parsed body, for reads such as the paged roster. */
export type ReadOutcome = { ok: true; body: unknown } | { ok: false; status: number; retryAfterMs?: number; error: string };

/** Sends, updates and deletes messages in a conversation, and opens personal conversations. */
export interface ConnectorSender {
  send(target: SendTarget, message: OutgoingMessage): Promise<SendOutcome>;
  update(target: SendTarget, activityId: string, message: OutgoingMessage): Promise<SendOutcome>;
  delete(target: SendTarget, activityId: string): Promise<SendOutcome>;
  /** POST /v3/conversations with the tenant, the member and the bot; the new conversation's id comes back. */
  createConversation(conversation: NewConversation): Promise<SendOutcome & { conversationId?: string }>;
}

/** The Bot Framework activity a message travels as: the only place an outgoing message becomes one. */
export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return { type: OUTGOING_ACTIVITY_TYPE, ...message };
}

/** Reads Retry-After as seconds or an HTTP date. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Talks to the Bot Connector REST API directly, so the delivery engine sees every status code and
 * Retry-After itself (the SDK's client would retry on its own and hide them).
 */
export class HttpConnectorSender implements ConnectorSender {
  private readonly http: ConnectorHttp;

  constructor(
    private readonly token: ConnectorTokenProvider,
    timeoutMs = 15000,
  ) {
    this.http = new ConnectorHttp(timeoutMs);
  }

  send(target: SendTarget, message: OutgoingMessage): Promise<SendOutcome> {
    return this.call('POST', `${this.base(target)}/activities`, { ...toActivity(message), conversation: { id: target.conversationId } });
  }

  update(target: SendTarget, activityId: string, message: OutgoingMessage): Promise<SendOutcome> {
    return this.call('PUT', `${this.base(target)}/activities/${encodeURIComponent(activityId)}`, {
      ...toActivity(message),
      id: activityId,
      conversation: { id: target.conversationId },
    });
  }

  delete(target: SendTarget, activityId: string): Promise<SendOutcome> {
    return this.call('DELETE', `${this.base(target)}/activities/${encodeURIComponent(activityId)}`);
  }

  async createConversation(c: NewConversation): Promise<SendOutcome & { conversationId?: string }> {
    const body = {
      isGroup: false,
      bot: { id: c.botId },
      members: [{ id: c.memberId }],
      tenantId: c.tenantId,
      channelData: c.tenantId ? { tenant: { id: c.tenantId } } : undefined,
    };
    const outcome = await this.request('POST', `${c.serviceUrl.replace(/\/+$/, '')}/v3/conversations`, body);
    if (!outcome.ok) return outcome;
    const id = (outcome.body as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id
      ? { ok: true, conversationId: id }
      : { ok: false, status: 502, error: 'the connector created a conversation without an id' };
  }

  /** A GET on the connector (the paged roster), with the same token and error handling as sends. */
  read(url: string): Promise<ReadOutcome> {
    return this.request('GET', url);
  }

  private base(target: SendTarget): string {
    return `${target.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(target.conversationId)}`;
  }

  private async call(method: string, url: string, body?: unknown): Promise<SendOutcome> {
    const outcome = await this.request(method, url, body);
    if (!outcome.ok) return outcome;
    const id = (outcome.body as { id?: unknown } | undefined)?.id;
    return { ok: true, activityId: typeof id === 'string' ? id : undefined };
  }

  private async request(method: string, url: string, body?: unknown): Promise<ReadOutcome> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    try {
      const token = await this.token();
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await this.http.request(method, url, headers, body === undefined ? undefined : JSON.stringify(body));
      const text = res.text;
      if (res.status >= 200 && res.status < 300) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        return { ok: true, body: parsed };
      }
      return { ok: false, status: res.status, retryAfterMs: retryAfterMs(res.retryAfter, Date.now()), error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    } catch (err) {
      return { ok: false, status: 0, error: `network: ${(err as Error).message}` };
    }
  }
}
