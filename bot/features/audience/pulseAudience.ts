import { AudienceFilter } from './audienceFilter';
import { AudienceOptions, AudienceStore, Recipient, resolveAudience } from './resolveAudience';
import { respondentOfChat } from '../surveys/respondent';

/**
 * A pulse's audience: only identified people (a Teams user with a directory object id, in the
 * configured tenant), so every answer is counted once per person; directory people without the
 * app are among them when `installAtSend` asks, judged as the chat installing it will open.
 */
export function resolvePulseAudience(
  filter: AudienceFilter,
  store: AudienceStore,
  tenantId: string | undefined,
  options: Omit<AudienceOptions, 'only'> = {},
): Promise<Recipient[]> {
  return resolveAudience(filter, store, { ...options, only: (chat) => respondentOfChat(chat, tenantId) !== undefined });
}
