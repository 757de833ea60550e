import { DateTime } from 'luxon';
import { Config } from '../config';
import { DirectLineConversations } from './directLineConversations';
import { DirectLineTokens } from './directLineTokens';
import { VerifiedUsers } from './verifiedUsers';
import { webChatMode } from './webChatMode';

/** What web chat keeps for the process: the built-in Direct Line's conversations and tokens, and verified users. */
export function createWebChatServices(config: Config, now: () => DateTime) {
  const conversations = new DirectLineConversations(now);
  return {
    mode: webChatMode(config),
    conversations,
    tokens: new DirectLineTokens({ lifetimeMinutes: config.webChat.tokenMinutes, now }),
    /** Web chat users an intranet vouched for: `users.get(activity.from.id)` gives their name and email. */
    users: new VerifiedUsers(),
    /** Ends every live stream and forgets every conversation. */
    close(): void {
      conversations.clear();
    },
  };
}

/** Web chat's share of the services. */
export type WebChatServices = ReturnType<typeof createWebChatServices>;
