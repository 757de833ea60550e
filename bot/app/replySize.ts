import { Activity, InvokeResponse, Middleware, TurnContext } from 'botbuilder';
import { ACTIVITY_BUDGET_BYTES, fitToBudget, serialisedBytes } from '../platform/delivery/messageSize';

/** Fits a reply activity under Teams' limit, measured as it is: the turn's own activities already carry their type. */
export function fitActivity(activity: Partial<Activity>, budget = ACTIVITY_BUDGET_BYTES): { activity: Partial<Activity>; shortened: boolean } {
  const fitted = fitToBudget(activity, budget);
  return { activity: fitted.message, shortened: fitted.shortened };
}

/**
 * Keeps an invoke answer under the budget: a card refresh that has grown too big becomes a short
 * message, a dialog a message, and search results lose their last items until they fit.
 */
export function fitInvokeResponse(name: string | undefined, response: InvokeResponse): InvokeResponse {
  if (serialisedBytes(response.body) <= ACTIVITY_BUDGET_BYTES) return response;
  const body = response.body as Record<string, unknown> | undefined;
  const tooLong = 'That is too long to show here. Ask me in the chat instead.';
  if (name === 'adaptiveCard/action') {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: tooLong } };
  }
  const extension = body?.composeExtension as { attachments?: unknown[] } | undefined;
  if (extension && Array.isArray(extension.attachments)) {
    const attachments = [...extension.attachments];
    while (attachments.length && serialisedBytes({ ...body, composeExtension: { ...extension, attachments } }) > ACTIVITY_BUDGET_BYTES) attachments.pop();
    return { ...response, body: { ...body, composeExtension: { ...extension, attachments } } };
  }
  if (body?.task) return { status: 200, body: { task: { type: 'message', value: tooLong } } };
  return { status: response.status, body: { message: tooLong } };
}

/**
 * Middleware that measures every message the bot sends or updates in a turn (replies, proactive
 * sends made through a turn) and fits it under Teams' limit, logging when it had to shorten one.
 */
export function messageSizeGuard(onShortened: (bytes: number) => void): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities(async (_ctx, activities, send) => {
        for (let i = 0; i < activities.length; i += 1) {
          const fitted = fitActivity(activities[i]);
          if (fitted.shortened) {
            onShortened(serialisedBytes(activities[i]));
            activities[i] = fitted.activity;
          }
        }
        return send();
      });
      context.onUpdateActivity(async (_ctx, activity, update) => {
        const fitted = fitActivity(activity);
        if (fitted.shortened) {
          onShortened(serialisedBytes(activity));
          Object.assign(activity, { attachments: undefined }, fitted.activity);
        }
        return update();
      });
      await next();
    },
  };
}
