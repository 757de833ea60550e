/** An activity as the Direct Line endpoint returns it. */
export interface ReceivedActivity {
  id: string;
  type: string;
  text?: string;
  replyToId?: string;
  from: { id: string; name?: string; role?: string };
  attachments?: { contentType: string; content: { fallbackText?: string; body?: unknown[] } }[];
  [field: string]: unknown;
}

/** A started conversation: its id, the token for it, and its stream URL. */
export interface StartedConversation {
  conversationId: string;
  token: string;
  streamUrl: string;
  expires_in: number;
}

/** The text of an activity, or its card's plain-text fallback. */
export const shownText = (a: ReceivedActivity): string => a.text ?? a.attachments?.[0]?.content.fallbackText ?? '';

/**
 * A minimal Direct Line 3.0 client over fetch, as Web Chat's DirectLineJS talks to the endpoint,
 * for HTTP tests and the benchmark.
 */
export class DirectLineClient {
  constructor(readonly baseUrl: string) {}

  /** Asks the page's token route for a token (anonymous unless a user token is given). */
  async pageToken(body: Record<string, unknown> = {}): Promise<{
    status: number;
    body: Record<string, unknown> & { token: string; conversationId: string; user: { id: string; verified: boolean; name?: string }; domain: string };
  }> {
    const res = await fetch(`${this.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as never };
  }

  /** Starts (or rejoins) a conversation; with no token, an anonymous one. */
  async start(token?: string): Promise<{ status: number; body: StartedConversation }> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.headers(token), body: '{}' });
    return { status: res.status, body: (await res.json()) as StartedConversation };
  }

  /** Posts an activity; resolves to the status, body and Retry-After header. */
  async post(
    conversationId: string,
    token: string | undefined,
    activity: unknown,
  ): Promise<{ status: number; body: { id?: string; error?: { code: string; message: string } }; retryAfter: string | null }> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: this.headers(token),
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    return { status: res.status, body: (await res.json()) as never, retryAfter: res.headers.get('retry-after') };
  }

  /** Gets the activities after a watermark. */
  async activities(
    conversationId: string,
    token: string | undefined,
    watermark?: string,
  ): Promise<{ status: number; body: { activities: ReceivedActivity[]; watermark: string; error?: { code: string } } }> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities${query}`, {
      headers: this.headers(token),
    });
    return { status: res.status, body: (await res.json()) as never };
  }

  /** Sends a message and returns the bot's replies to it (the endpoint answers once the turn is done). */
  async ask(conversation: StartedConversation, text: string, watermark: string): Promise<{ replies: ReceivedActivity[]; watermark: string }> {
    const posted = await this.post(conversation.conversationId, conversation.token, { type: 'message', text, from: { id: 'ignored' } });
    if (posted.status !== 200) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
    const got = await this.activities(conversation.conversationId, conversation.token, watermark);
    return { replies: got.body.activities.filter((a) => a.replyToId === posted.body.id), watermark: got.body.watermark };
  }

  private headers(token?: string): Record<string, string> {
    return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }
}
