import { BriefingInput } from './briefingInput';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] =>
  text(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const optionalList = (v: unknown): string[] | undefined => (list(v).length ? list(v) : undefined);

/** Turns the chat form's answers into the same briefing input the admin API takes. */
export function briefingInputFromForm(values: Record<string, unknown>, today: string): BriefingInput {
  const publishDate = text(values.publishDate);
  const publishTime = text(values.publishTime);
  const expiryDate = text(values.expiryDate);
  const audience = {
    sectors: optionalList(values.sectors),
    roles: optionalList(values.roles),
    authorities: optionalList(values.authorities),
    localities: optionalList(values.localities),
    teams: optionalList(values.teams),
  };
  const anyFilter = Object.values(audience).some((v) => v !== undefined);
  return {
    title: text(values.title),
    summary: text(values.summary),
    body: text(values.body),
    link: text(values.link) || undefined,
    topics: list(values.topics),
    audience: anyFilter ? audience : { everyone: true },
    publish_at: publishDate || publishTime ? `${publishDate || today}T${publishTime || '09:00'}` : undefined,
    expires_at: expiryDate ? `${expiryDate}T23:59` : undefined,
    urgent: text(values.urgent) === 'true',
  };
}
