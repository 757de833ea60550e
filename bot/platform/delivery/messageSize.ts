import { Activity, InvokeResponse, Middleware, TurnContext } from 'botbuilder';

/** Teams refuses a message whose payload is over about 28 KB. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/**
 * What one serialised activity (or invoke answer) may take, leaving room under Teams' limit for the
 * fields the connector adds (conversation, sender, recipient, service URL, ids).
 */
export const ACTIVITY_BUDGET_BYTES = 24 * 1024;

/** The size of something as it travels: its JSON in UTF-8. */
export function serialisedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** Cuts text to at most `maxBytes` of UTF-8 at a word boundary where one is near, with an ellipsis. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  // Binary search on characters, since multi-byte characters make bytes and characters differ.
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(`${text.slice(0, mid)}\u2026`, 'utf8') <= maxBytes) low = mid;
    else high = mid - 1;
  }
  const cut = text.slice(0, low);
  const space = cut.lastIndexOf(' ');
  return `${(space > low - 200 && space > 0 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

/** The plain text a card stands for: its fallback, or the activity's own text. */
function plainTextOf(activity: Partial<Activity>): string {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    { fallbackText?: unknown } | undefined;
  const fallback = typeof card?.fallbackText === 'string' ? card.fallbackText : '';
  return [activity.text ?? '', fallback].filter(Boolean).join('\n\n');
}

export const SHORTENED_NOTE = '(This message was too long for Teams, so it is shortened here.)';

/**
 * Makes an outgoing activity fit under Teams' limit. Cards are built to fit, so this is the net
 * under them: an activity over the budget loses its attachments and carries their plain text,
 * shortened, with a note saying so, rather than being refused by Teams with nobody told.
 */
export function fitActivity(activity: Partial<Activity>, budget = ACTIVITY_BUDGET_BYTES): { activity: Partial<Activity>; shortened: boolean } {
  if (serialisedBytes(activity) <= budget) return { activity, shortened: false };
  const { attachments: _attachments, attachmentLayout: _layout, text: _text, ...rest } = activity;
  const envelope = serialisedBytes({ ...rest, text: '' });
  // JSON escaping can double some characters, so the text gets half the room left to be safe.
  const room = Math.max(0, Math.floor((budget - envelope - Buffer.byteLength(SHORTENED_NOTE) - 16) / 2));
  const text = `${truncateToBytes(plainTextOf(activity), room)}\n\n${SHORTENED_NOTE}`;
  return { activity: { ...rest, text, textFormat: 'plain' }, shortened: true };
}

/**
 * Keeps an invoke answer under the budget: a card refresh that has grown too big becomes a short
 * message, a dialog a message, and search results lose their last items until they fit.
 */
export function fitInvokeResponse(name: string | undefined, response: InvokeResponse): InvokeResponse {
  if (serialisedBytes(response.body) <= ACTIVITY_BUDGET_BYTES) return response;
  const body = response.body as Record<string, unknown> | undefined;
  const tooLong = 'That is too long to show here. Ask me in the chat instead.';
  if (name === 'adaptiveCard/action') {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: tooLong } };
  }
  const extension = body?.composeExtension as { attachments?: unknown[] } | undefined;
  if (extension && Array.isArray(extension.attachments)) {
    const attachments = [...extension.attachments];
    while (attachments.length && serialisedBytes({ ...body, composeExtension: { ...extension, attachments } }) > ACTIVITY_BUDGET_BYTES) attachments.pop();
    return { ...response, body: { ...body, composeExtension: { ...extension, attachments } } };
  }
  if (body?.task) return { status: 200, body: { task: { type: 'message', value: tooLong } } };
  return { status: response.status, body: { message: tooLong } };
}

/**
 * Middleware that measures every message the bot sends or updates in a turn (replies, proactive
 * sends made through a turn) and fits it under Teams' limit, logging when it had to shorten one.
 */
export function messageSizeGuard(onShortened: (bytes: number) => void): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities(async (_ctx, activities, send) => {
        for (let i = 0; i < activities.length; i += 1) {
          const fitted = fitActivity(activities[i]);
          if (fitted.shortened) {
            onShortened(serialisedBytes(activities[i]));
            activities[i] = fitted.activity;
          }
        }
        return send();
      });
      context.onUpdateActivity(async (_ctx, activity, update) => {
        const fitted = fitActivity(activity);
        if (fitted.shortened) {
          onShortened(serialisedBytes(activity));
          Object.assign(activity, { attachments: undefined }, fitted.activity);
        }
        return update();
      });
      await next();
    },
  };
}
