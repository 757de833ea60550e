import { AsyncLocalStorage } from 'node:async_hooks';
import type { TurnContext } from 'botbuilder';
import { ANONYMOUS_USER_PREFIX, VERIFIED_USER_PREFIX } from '../platform/webChatUserIds';

/** What code deep inside a turn may need to know about it without a TurnContext: who is asking. */
export interface TurnFacts {
  /** Who asked, for counting a question once per person: anonymous web chat visitors all count as one. */
  asker: string;
}

/** Everyone in web chat without a signed intranet token: random ids are free to mint, so they share one name. */
export const ANONYMOUS_ASKER = 'webchat:anonymous';

/** The asker a turn counts as. */
export function askerOf(context: TurnContext): string {
  const { channelId, from } = context.activity;
  const id = from?.id ?? '';
  if ((channelId === 'webchat' || channelId === 'directline') && (!id.startsWith(VERIFIED_USER_PREFIX) || id.startsWith(ANONYMOUS_USER_PREFIX)))
    return ANONYMOUS_ASKER;
  return `${channelId}:${id}`;
}

/**
 * Carries facts about the current turn through async calls (AsyncLocalStorage), so a store can
 * count a question per person without every layer between passing the person along.
 */
export class TurnScope {
  private readonly storage = new AsyncLocalStorage<TurnFacts>();

  /** Runs a turn's work with its facts available to `current()`. */
  run<T>(context: TurnContext, work: () => Promise<T>): Promise<T> {
    return this.storage.run({ asker: askerOf(context) }, work);
  }

  /** The facts of the turn this call is part of, if any. */
  current(): TurnFacts | undefined {
    return this.storage.getStore();
  }
}
