/** Keys of card data that are never free text (the button's verb, ids, Teams' own fields). */
const NOT_TEXT = /^(verb|msteams|action|id|.*Id)$/;

/** How deep into a submission free text is looked for (a form's inputs sit one or two levels down). */
const MAX_DEPTH = 3;

/** Every free-text value a card submission carries, however deep (a form's inputs, a tampered payload). */
export function submittedTexts(data: unknown, depth = 0): string[] {
  if (typeof data === 'string') return /[a-z]{2,}/i.test(data) ? [data] : [];
  if (depth > MAX_DEPTH || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((v) => submittedTexts(v, depth + 1));
  return Object.entries(data).flatMap(([key, value]) => (NOT_TEXT.test(key) ? [] : submittedTexts(value, depth + 1)));
}

/**
 * Empties, in place, every free-text value of a submission that reports a concern, so whatever
 * handles the submission next (a pulse answer, a settings or authoring form) cannot save it.
 * Returns how many values were emptied.
 */
export function emptyConcernTexts(data: unknown, isConcern: (text: string) => boolean, depth = 0): number {
  if (depth > MAX_DEPTH || data === null || typeof data !== 'object') return 0;
  let emptied = 0;
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  for (const [key, value] of entries) {
    if (typeof key === 'string' && NOT_TEXT.test(key)) continue;
    if (typeof value === 'string') {
      if (submittedTexts(value).length && isConcern(value)) {
        (data as Record<string | number, unknown>)[key] = '';
        emptied++;
      }
    } else emptied += emptyConcernTexts(value, isConcern, depth + 1);
  }
  return emptied;
}

/** Whether a message's text, or any free text its card submission carries, reports a concern. */
export function activityReportsConcern(activity: { text?: unknown; value?: unknown }, isConcern: (text: string) => boolean): boolean {
  if (typeof activity.text === 'string' && isConcern(activity.text)) return true;
  return submittedTexts(activity.value).some(isConcern);
}
