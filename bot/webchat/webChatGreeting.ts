import { Briefing } from '../features/briefings/briefings';
import { Profile } from '../platform/store/profiles';
import { ActivityIdentity, RespondentCheck } from '../features/surveys/respondent';
import { Wave } from '../features/surveys/wave';
import { VERIFIED_USER_PREFIX } from '../platform/webChatUserIds';

/** What the greeting reads: unread briefings, and open pulses through the same identity check answering uses. */
export interface WebChatGreetingDependencies {
  unreadBriefings(userId: string, profile: Profile | undefined): Promise<Briefing[]>;
  profile(userId: string): Promise<Profile | undefined>;
  identify(activity: ActivityIdentity): RespondentCheck;
  openPulses(respondent: Extract<RespondentCheck, { ok: true }>['respondent']): Promise<{ open: Wave[] }>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const titles = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * What a verified web chat user is told on opening the chat (web chat gets no proactive messages):
 * the briefings meant for them they have not acknowledged and the pulses open to them they have
 * not answered. Anonymous visitors get nothing here: pulses are for identified people only.
 */
export async function webChatGreeting(deps: WebChatGreetingDependencies, activity: ActivityIdentity): Promise<string | undefined> {
  const userId = activity.from?.id ?? '';
  if (!userId.startsWith(VERIFIED_USER_PREFIX)) return undefined;
  const unread = await deps.unreadBriefings(userId, await deps.profile(userId));
  const identified = deps.identify(activity);
  const pulses = identified.ok ? (await deps.openPulses(identified.respondent)).open : [];
  const parts: string[] = [];
  if (unread.length)
    parts.push(
      `You have ${plural(unread.length, 'new briefing', 'new briefings')}: ${titles(unread.map((b) => b.title))}. Say **latest briefings** to read them and press **Got it**.`,
    );
  if (pulses.length)
    parts.push(
      `${unread.length ? 'There is also' : 'You have'} ${plural(pulses.length, 'pulse', 'pulses')} open to you: ${titles(pulses.map((w) => w.name))}. Say **pulse** to answer; your answers are anonymous.`,
    );
  return parts.length ? parts.join('\n\n') : undefined;
}
