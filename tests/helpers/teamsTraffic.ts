/** A member of staff as Teams names them on an activity. */
export interface TeamsPerson {
  id: string;
  aadObjectId?: string;
}

/** The HTTP answer to a posted activity: invokes carry a JSON body, messages none. */
export interface BotAnswer {
  status: number;
  /** Each test reads the invoke response shape it expects. */
  body: any;
}

/** Posts a whole activity to the bot's /api/messages endpoint, as the Bot Connector would. */
export async function postActivity(botUrl: string, activity: Record<string, unknown>): Promise<BotAnswer> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: res.status === 200 ? await res.json().catch(() => undefined) : undefined };
}

/** Sends an activity from someone's personal chat with the bot in Teams (a message unless `type` says otherwise). */
export function sendPersonal(
  target: { botUrl: string; serviceUrl: string },
  from: TeamsPerson,
  activity: Record<string, unknown>,
  tenantId = 'tenant-1',
): Promise<BotAnswer> {
  return postActivity(target.botUrl, {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    from,
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: `a:${from.id}`, conversationType: 'personal', tenantId },
    ...activity,
  });
}

/** The invoke Teams sends when a card's Action.Execute button is pressed. */
export function actionExecute(verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' } };
}

/** A team the app is installed in, as its channel activities name it. */
export interface TeamsTeam {
  id: string;
  name: string;
  tenantId: string;
  botId: string;
}

/** Sends an activity in a team's General channel (installs, member changes), from the person who installed the app. */
export async function sendInTeam(target: { botUrl: string; serviceUrl: string }, team: TeamsTeam, activity: Record<string, unknown>): Promise<BotAnswer> {
  return postActivity(target.botUrl, {
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    from: { id: '29:installer', aadObjectId: 'aad-installer' },
    recipient: { id: team.botId, name: 'Bot' },
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: team.tenantId },
    channelData: { team: { id: team.id, name: team.name }, tenant: { id: team.tenantId } },
    ...activity,
  });
}

/** POSTs JSON to the admin API with the bearer token and an idempotency key. */
export function adminPost(botUrl: string, token: string, path: string, body: unknown, key: string): Promise<Response> {
  return fetch(`${botUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}
