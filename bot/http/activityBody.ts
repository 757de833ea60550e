/** Limits on an incoming activity beyond what the Bot Framework SDK checks itself. */
const MAX_TYPE_LENGTH = 64;

/**
 * Says what is wrong with a request body that claims to be an activity, or undefined when it
 * looks like one; the SDK would otherwise throw on such bodies and answer 500.
 */
export function activityBodyProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type || a.type.length > MAX_TYPE_LENGTH) return 'the activity needs a "type"';
  if (a.serviceUrl !== undefined && (typeof a.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/i.test(a.serviceUrl))) {
    return '"serviceUrl" must be an http(s) URL';
  }
  if (a.conversation !== undefined && (typeof a.conversation !== 'object' || a.conversation === null || typeof (a.conversation as { id?: unknown }).id !== 'string')) {
    return '"conversation" must be an object with an "id"';
  }
  for (const field of ['from', 'recipient'] as const) {
    if (a[field] !== undefined && (typeof a[field] !== 'object' || a[field] === null)) return `"${field}" must be an object`;
  }
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return '"text" must be a string';
  if (a.attachments !== undefined && a.attachments !== null && !Array.isArray(a.attachments)) return '"attachments" must be a list';
  if (a.entities !== undefined && a.entities !== null && !Array.isArray(a.entities)) return '"entities" must be a list';
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const v = a[field];
    if (v !== undefined && v !== null && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) return `"${field}" must be a date`;
  }
  return undefined;
}
