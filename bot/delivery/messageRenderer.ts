import type { Activity } from 'botbuilder';

/**
 * Builds the activity for one queued copy at send time (channelId says how its buttons must work);
 * undefined means it is no longer wanted (cancelled quietly).
 */
export type MessageRenderer = (copy: { kind: string; messageId: string; userId: string; channelId: string }) => Promise<Partial<Activity> | undefined>;
