import { formList, formText } from '../../platform/forms/formValues';
import { BriefingInput } from './briefingInput';

/** Turns the chat form's answers into the same briefing input the admin API takes. */
export function briefingInputFromForm(values: Record<string, unknown>, today: string): BriefingInput {
  const publishDate = formText(values.publishDate);
  const publishTime = formText(values.publishTime);
  const expiryDate = formText(values.expiryDate);
  const audience = {
    sectors: formList(values.sectors),
    roles: formList(values.roles),
    authorities: formList(values.authorities),
    localities: formList(values.localities),
    teams: formList(values.teams),
  };
  const anyFilter = Object.values(audience).some((v) => v !== undefined);
  return {
    title: formText(values.title),
    summary: formText(values.summary),
    body: formText(values.body),
    link: formText(values.link) || undefined,
    topics: formList(values.topics) ?? [],
    audience: anyFilter ? audience : { everyone: true },
    publish_at: publishDate || publishTime ? `${publishDate || today}T${publishTime || '09:00'}` : undefined,
    expires_at: expiryDate ? `${expiryDate}T23:59` : undefined,
    urgent: formText(values.urgent) === 'true',
  };
}
