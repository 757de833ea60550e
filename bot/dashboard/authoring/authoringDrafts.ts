import { DateTime } from 'luxon';
import { AudienceFilter, audienceFilterSchema, AudienceNames, describeAudience } from '../../features/audience/audienceFilter';
import { BriefingDraft, checkBriefing } from '../../features/briefings/briefingInput';
import { FieldProblem } from '../../platform/http/validationFailure';
import { NewWave, WaveRequestCheck } from '../../features/surveys/waveRequest';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** A briefing or pulse the form sent, checked by the same validators as the chat and the admin API. */
export type CheckedDraft =
  | { ok: true; kind: 'briefing'; draft: BriefingDraft; notes: string[] }
  | { ok: true; kind: 'pulse'; wave: NewWave; notes: string[] }
  | { ok: false; problems: FieldProblem[] };

/** What checking needs: the clock and the pulse validator (the survey service's `check`). */
export interface DraftChecks {
  now: () => DateTime;
  checkPulse: (request: unknown) => WaveRequestCheck;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The form's fields without an owner: the server sets who authored it from the signed-in viewer. */
function fieldsOf(body: Record<string, unknown>, kind: string): Record<string, unknown> | undefined {
  const fields = body[kind];
  if (!isObject(fields)) return undefined;
  const { owner: _owner, owner_name: _ownerName, ...rest } = fields;
  return rest;
}

/**
 * Checks `{kind: "briefing", briefing: {...}}` or `{kind: "pulse", pulse: {...}}` (the admin API's
 * own field names) with checkBriefing and the pulse wave check, listing every problem at once.
 */
export function checkDraft(body: unknown, checks: DraftChecks): CheckedDraft {
  if (!isObject(body) || (body.kind !== 'briefing' && body.kind !== 'pulse'))
    return { ok: false, problems: [{ field: 'kind', message: 'Choose whether to write a briefing or start a pulse.' }] };
  const fields = fieldsOf(body, body.kind);
  if (!fields) return { ok: false, problems: [{ field: body.kind, message: `Send the ${body.kind}'s fields as an object.` }] };
  if (body.kind === 'briefing') {
    const checked = checkBriefing(fields, checks.now(), LONDON_ZONE, { pastPublish: 'refuse' });
    return checked.ok ? { ok: true, kind: 'briefing', draft: checked.draft, notes: checked.notes } : { ok: false, problems: checked.problems };
  }
  const checked = checks.checkPulse(fields);
  return checked.ok ? { ok: true, kind: 'pulse', wave: checked.wave, notes: [] } : { ok: false, problems: checked.problems };
}

/** Reads an audience for the live count: the same schema briefings and pulses use. */
export function checkAudience(value: unknown): { ok: true; audience: AudienceFilter } | { ok: false; problems: FieldProblem[] } {
  const parsed = audienceFilterSchema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, audience: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: ['audience', ...i.path.map(String)].join('.'), message: i.message })) };
}

/** The audience of a checked draft in words, for the confirm step. */
export function audienceWords(checked: Extract<CheckedDraft, { ok: true }>, names: AudienceNames = {}): string {
  return describeAudience(checked.kind === 'briefing' ? checked.draft.audience : checked.wave.audience, names);
}
