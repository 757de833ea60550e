import { WebChatUser } from './webChatUser';

/**
 * The people an intranet vouched for, by channel user id, so the bot can find a web chat user's
 * name and email from `activity.from.id` in either mode (Azure Direct Line passes only the id).
 * In memory and bounded: the least recently seen are forgotten first and come back with their
 * next token.
 */
export class VerifiedUsers {
  private readonly users = new Map<string, WebChatUser>();

  constructor(private readonly maxUsers = 10_000) {}

  /** Records a person vouched for by a user token. */
  remember(user: WebChatUser): void {
    if (!user.verified) return;
    this.users.delete(user.id);
    this.users.set(user.id, user);
    if (this.users.size > this.maxUsers) this.users.delete(this.users.keys().next().value!);
  }

  /** The verified person with this channel user id, if the intranet vouched for them recently. */
  get(userId: string | undefined): WebChatUser | undefined {
    return userId ? this.users.get(userId) : undefined;
  }
}
