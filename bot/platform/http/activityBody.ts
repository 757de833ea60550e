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
  // Every channel sends both; without them the SDK and the handlers fail with a TypeError mid-turn.
  if (typeof a.conversation !== 'object' || a.conversation === null || typeof (a.conversation as { id?: unknown }).id !== 'string') {
    return 'the activity needs a "conversation" object with an "id"';
  }
  if (typeof a.from !== 'object' || a.from === null || Array.isArray(a.from)) return 'the activity needs a "from" object';
  if (a.recipient !== undefined && (typeof a.recipient !== 'object' || a.recipient === null)) return '"recipient" must be an object';
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    const members = a[field];
    if (members === undefined || members === null) continue;
    if (!Array.isArray(members) || members.some((m) => typeof m !== 'object' || m === null || typeof (m as { id?: unknown }).id !== 'string')) {
      return `"${field}" must be a list of members, each with an "id"`;
    }
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

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * In local mode nobody signs requests, so a caller could name any serviceUrl and have the bot post
 * replies there; this says whether the bot may follow it (loopback, or a host the operator listed).
 */
export function isAllowedLocalServiceUrl(serviceUrl: unknown, allowedHosts: readonly string[]): boolean {
  if (serviceUrl === undefined) return true;
  if (typeof serviceUrl !== 'string') return false;
  let host: string;
  try {
    host = new URL(serviceUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || allowedHosts.includes(host);
}
