import { OUTGOING_ACTIVITY_TYPE, OutgoingMessage } from './outgoingMessage';

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

/** The fields the size net reads and rewrites; an OutgoingMessage and a Bot Framework activity both have them. */
export interface Fittable {
  text?: string;
  textFormat?: string;
  attachments?: { contentType: string; content?: unknown }[];
  attachmentLayout?: string;
}

/** The plain text a card stands for: its fallback, or the message's own text. */
function plainTextOf(message: Fittable): string {
  const card = message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as { fallbackText?: unknown } | undefined;
  const fallback = typeof card?.fallbackText === 'string' ? card.fallbackText : '';
  return [message.text ?? '', fallback].filter(Boolean).join('\n\n');
}

export const SHORTENED_NOTE = '(This message was too long for Teams, so it is shortened here.)';

/**
 * Makes a message fit under Teams' limit, measured as `sentAs` says it travels. Cards are built to
 * fit, so this is the net under them: a message over the budget loses its attachments and carries
 * their plain text, shortened, with a note saying so, rather than being refused by Teams with nobody told.
 */
export function fitToBudget<T extends Fittable>(
  message: T,
  budget = ACTIVITY_BUDGET_BYTES,
  sentAs: (message: T) => unknown = (m) => m,
): { message: T; shortened: boolean } {
  if (serialisedBytes(sentAs(message)) <= budget) return { message, shortened: false };
  const { attachments: _attachments, attachmentLayout: _layout, text: _text, ...rest } = message;
  const envelope = serialisedBytes(sentAs({ ...rest, text: '' } as T));
  // JSON escaping can double some characters, so the text gets half the room left to be safe.
  const room = Math.max(0, Math.floor((budget - envelope - Buffer.byteLength(SHORTENED_NOTE) - 16) / 2));
  const text = `${truncateToBytes(plainTextOf(message), room)}\n\n${SHORTENED_NOTE}`;
  return { message: { ...rest, text, textFormat: 'plain' } as T, shortened: true };
}

/** Fits a message the delivery engine sends, measured with the activity type the sender adds to it. */
export function fitMessage(message: OutgoingMessage, budget = ACTIVITY_BUDGET_BYTES): { message: OutgoingMessage; shortened: boolean } {
  return fitToBudget(message, budget, (m) => ({ type: OUTGOING_ACTIVITY_TYPE, ...m }));
}
