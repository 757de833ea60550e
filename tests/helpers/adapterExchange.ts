import { Activity, TestAdapter } from 'botbuilder';

/** Sends one activity through a test adapter and collects every reply the bot makes to it. */
export async function exchange(adapter: TestAdapter, activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
  const before = adapter.activeQueue.length;
  await adapter.receiveActivity(activity);
  return adapter.activeQueue.splice(before);
}

/** A card's Action.Submit as web chat sends it: a message whose value carries the verb. */
export const submitAction = (verb: string, data: Record<string, unknown>, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  ...extra,
  value: { ...data, verb },
});

/** A card's Action.Execute as Teams sends it: an adaptiveCard/action invoke. */
export const executeAction = (verb: string, data: Record<string, unknown>, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  ...extra,
  value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
});

/** The Universal Action response body the bot answered an Action.Execute with. */
export const invokeBody = (replies: Partial<Activity>[]) =>
  (replies.find((r) => r.type === 'invokeResponse')?.value as { body: { statusCode: number; type: string; value: unknown } }).body;
