/** The Adaptive Cards SDK's own parser; its CommonJS entry point fails under require, its bundle does not. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.min.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/**
 * What the Adaptive Cards SDK objects to in a card (unknown elements or properties it cannot read,
 * missing required values, duplicate input ids); empty when Teams and Web Chat will render it.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  const version = (card as { version?: unknown }).version;
  if (version !== '1.5') problems.push(`version is ${String(version)}, not 1.5`);
  return problems;
}
