import { LRUCache } from 'lru-cache';
import { WebChatUser } from './webChatUser';

/**
 * The people an intranet vouched for, by channel user id, so the bot can find a web chat user's
 * name and email from `activity.from.id` in either mode (Azure Direct Line passes only the id).
 * In memory and bounded: the least recently vouched for are forgotten first and come back with
 * their next token.
 */
export class VerifiedUsers {
  private readonly users: LRUCache<string, WebChatUser>;

  constructor(maxUsers = 10_000) {
    this.users = new LRUCache({ max: maxUsers });
  }

  /** Records a person vouched for by a user token. */
  remember(user: WebChatUser): void {
    if (user.verified) this.users.set(user.id, user);
  }

  /** The verified person with this channel user id, if the intranet vouched for them recently (looking does not count as vouching). */
  get(userId: string | undefined): WebChatUser | undefined {
    return userId ? this.users.peek(userId) : undefined;
  }
}
