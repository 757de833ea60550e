import fs from 'node:fs';
import path from 'node:path';
import { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { projectRoot } from '../../knowledge/projectRoot';
import { labelOf, ROLES, SECTORS } from '../../knowledge/workforce';
import { DemoChats } from './demoChats';
import { demoPage } from './demoPage';
import { DemoPerson } from './demoStaff';
import { DemoTeamsClient } from './demoTeamsClient';

/** What the page may ask a simulated person to do; anything else is refused with the problem named. */
const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'type a message first').max(4000) }),
  z.object({ kind: z.literal('execute'), verb: z.string().min(1).max(200), data: z.unknown().optional(), replyToId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('submit'), data: z.unknown().optional(), replyToId: z.string().min(1).max(200) }),
]);

/** The page's scripts and styles, and the Adaptive Cards renderer Teams itself is built on. */
function assets(): Record<string, { file: string; contentType: string }> {
  const root = projectRoot();
  const js = 'text/javascript; charset=utf-8';
  return {
    'demo.js': { file: path.join(root, 'bot', 'demo', 'public', 'demo.js'), contentType: js },
    'demo.css': { file: path.join(root, 'bot', 'demo', 'public', 'demo.css'), contentType: 'text/css; charset=utf-8' },
    'adaptivecards.min.js': { file: require.resolve('adaptivecards/dist/adaptivecards.min.js', { paths: [root] }), contentType: js },
  };
}

/** Headers for the demo's own pages: its scripts only, nothing framed, nothing cached. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * The stand-in for the Teams client at /demo: a page listing the simulated staff and showing each
 * one's personal chat, and the small JSON API behind it. Registered only by `npm run demo`.
 */
export function registerDemoRoutes(
  server: Server,
  deps: { people: DemoPerson[]; chats: DemoChats; teams: DemoTeamsClient; dashboardToken: string; pulseThreshold: number },
): void {
  const { people, chats, teams } = deps;
  const files = assets();
  const personOf = (req: Request) => people.find((p) => p.userId === String((req.params as Record<string, string>).userId ?? ''));

  server.get('/demo', async (_req: Request, res: Response) => {
    const html = demoPage({ dashboardToken: deps.dashboardToken, pulseThreshold: deps.pulseThreshold });
    res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });

  server.get('/demo/assets/:file', async (req: Request, res: Response) => {
    const asset = files[String((req.params as Record<string, string>).file)];
    if (!asset) {
      res.send(404, { error: 'NotFound' });
      return;
    }
    res.writeHead(200, { ...PAGE_HEADERS, 'content-type': asset.contentType });
    res.end(fs.readFileSync(asset.file));
  });

  server.get('/demo/api/people', async (_req: Request, res: Response) => {
    res.send(
      200,
      people.map((p) => ({
        userId: p.userId,
        name: p.name,
        role: p.comms ? 'Communications officer' : (labelOf(ROLES, p.role) ?? p.role),
        sector: labelOf(SECTORS, p.sector) ?? '',
        locality: p.locality,
        comms: p.comms,
        fromBot: chats.fromBot(p.conversationId),
      })),
    );
  });

  server.get('/demo/api/people/:userId/chat', async (req: Request, res: Response) => {
    const person = personOf(req);
    if (!person) {
      res.send(404, { error: 'NotFound', message: 'There is no such person in the demo.' });
      return;
    }
    res.send(200, chats.messages(person.conversationId));
  });

  server.post('/demo/api/people/:userId/actions', async (req: Request, res: Response) => {
    const person = personOf(req);
    if (!person) {
      res.send(404, { error: 'NotFound', message: 'There is no such person in the demo.' });
      return;
    }
    const parsed = actionSchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(422, { error: 'ValidationFailed', message: parsed.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    const outcome = await teams.act(person, parsed.data);
    res.send(outcome.status >= 400 ? outcome.status : 200, outcome);
  });
}
