import { TurnContext } from 'botbuilder';
import { ActionStyle, BuiltCard } from '../cards/adaptiveCard';

/** One button press on a card the bot sent, from a Teams invoke or a Web Chat submit. */
export interface CardActionRequest {
  verb: string;
  data: Record<string, unknown>;
  context: TurnContext;
  style: ActionStyle;
}

/**
 * What a handler decided: replace the card (Teams; elsewhere the note is sent instead), post a
 * new card, say something, or refuse.
 */
export type CardActionResult =
  | { kind: 'refresh'; card: BuiltCard; note: string }
  | { kind: 'post'; card: BuiltCard; note: string }
  | { kind: 'message'; text: string }
  | { kind: 'refused'; text: string; statusCode?: number };

export type CardActionHandler = (request: CardActionRequest) => Promise<CardActionResult>;

/** Sends each card action to the handler registered for its verb; unknown verbs are refused. */
export class CardActionRouter {
  private readonly handlers = new Map<string, CardActionHandler>();

  register(verb: string, handler: CardActionHandler): this {
    if (this.handlers.has(verb)) throw new Error(`card action "${verb}" is registered twice`);
    this.handlers.set(verb, handler);
    return this;
  }

  /** Every verb with a handler, so tests can check each is exercised. */
  verbs(): string[] {
    return [...this.handlers.keys()].sort();
  }

  handles(verb: unknown): verb is string {
    return typeof verb === 'string' && this.handlers.has(verb);
  }

  async dispatch(request: CardActionRequest): Promise<CardActionResult> {
    const handler = this.handlers.get(request.verb);
    if (!handler) return unknownAction();
    return handler(request);
  }
}

/** The refusal for a button the bot does not recognise (an old card, or a tampered one). */
export function unknownAction(): CardActionResult {
  return {
    kind: 'refused',
    statusCode: 400,
    text: "Sorry, I don't recognise that button. It may be from an older card. Type help to see what I can do.",
  };
}
