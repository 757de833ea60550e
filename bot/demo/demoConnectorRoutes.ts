import { Request, Response, Server } from 'restify';
import { DemoChats, SentActivity } from './demoChats';
import { DemoPerson } from './demoStaff';

/** Where the stand-in Bot Connector lives on the demo's own server; conversation references point here. */
export const DEMO_CONNECTOR_PATH = '/demo/connector';

/** Only message activities show in a chat; typing indicators and the like are accepted and dropped. */
function shown(body: SentActivity): { text?: string; attachments?: SentActivity['attachments'] } | undefined {
  if (body.type && body.type !== 'message') return undefined;
  return { text: typeof body.text === 'string' ? body.text : undefined, attachments: Array.isArray(body.attachments) ? body.attachments : undefined };
}

const param = (req: Request, name: string): string => String((req.params as Record<string, string>)[name] ?? '');

/**
 * A local stand-in for the Bot Connector REST API (v3 conversations), following its documented
 * contract: send, reply, update and delete activities, and open a personal chat with a member.
 * What the bot sends lands in the simulated person's chat for the /demo page to show.
 */
export function registerDemoConnectorRoutes(server: Server, chats: DemoChats, people: DemoPerson[]): void {
  const base = `${DEMO_CONNECTOR_PATH}/v3/conversations`;
  const known = (conversationId: string) => people.some((p) => p.conversationId === conversationId);

  const post = async (req: Request, res: Response) => {
    const conversationId = param(req, 'conversationId');
    if (!known(conversationId)) {
      res.send(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      return;
    }
    const message = shown((req.body ?? {}) as SentActivity);
    const id = message ? chats.add(conversationId, 'bot', message) : `demo-dropped-${Date.now()}`;
    res.send(201, { id });
  };
  server.post(`${base}/:conversationId/activities`, post);
  server.post(`${base}/:conversationId/activities/:activityId`, post);

  server.put(`${base}/:conversationId/activities/:activityId`, async (req: Request, res: Response) => {
    const message = shown((req.body ?? {}) as SentActivity);
    const updated = message !== undefined && chats.update(param(req, 'conversationId'), param(req, 'activityId'), message);
    if (!updated) {
      res.send(404, { error: { code: 'ActivityNotFound', message: 'Activity not found.' } });
      return;
    }
    res.send(200, { id: param(req, 'activityId') });
  });

  server.del(`${base}/:conversationId/activities/:activityId`, async (req: Request, res: Response) => {
    if (!chats.delete(param(req, 'conversationId'), param(req, 'activityId'))) {
      res.send(404, { error: { code: 'ActivityNotFound', message: 'Activity not found.' } });
      return;
    }
    res.send(200, {});
  });

  // Opening a personal chat with a member returns the one the demo already has for them, as Teams does.
  server.post(base, async (req: Request, res: Response) => {
    const memberId = ((req.body as { members?: { id?: string }[] } | undefined)?.members ?? [])[0]?.id;
    const person = people.find((p) => p.userId === memberId);
    if (!person) {
      res.send(403, { error: { code: 'Forbidden', message: 'The member is not in this tenant.' } });
      return;
    }
    res.send(201, { id: person.conversationId });
  });
}
