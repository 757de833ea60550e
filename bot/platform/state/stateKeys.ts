/** The state document of a conversation (its dialog stack). */
export const conversationStateKey = (channelId: string, conversationId: string): string => `conversation/${channelId}/${conversationId}`;

/** The state document of one user on one channel. */
export const userStateKey = (channelId: string, userId: string): string => `user/${channelId}/${userId}`;
