/** A card form's field as trimmed text: Input.Number sends a number, which reads as its digits; anything else reads as empty. */
export const formText = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A multi-select (sent as "a,b,c") as its items, or undefined when nothing was chosen. */
export function formList(v: unknown): string[] | undefined {
  const items = formText(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
