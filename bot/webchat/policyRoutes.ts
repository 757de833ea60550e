import { Request, Response, Server } from 'restify';
import { Config } from '../platform/config';
import { scriptlessPageHeaders } from '../platform/http/securityHeaders';
import { renderPolicyPage } from './policyPage';

/** Strict headers for a page with no scripts: only the bot's own stylesheet may load; Teams may show it. */
const securityHeaders = scriptlessPageHeaders(['https://teams.microsoft.com', 'https://*.teams.microsoft.com']);

/** `/privacy` and `/terms`: the pages the Teams app package links to by default, with text from configuration. */
export function registerPolicyRoutes(server: Server, config: Config): void {
  const pages: [string, string, string][] = [
    ['/privacy', 'Privacy notice', config.policies.privacyNotice],
    ['/terms', 'Terms of use', config.policies.termsOfUse],
  ];
  for (const [route, title, text] of pages) {
    server.get(route, async (req: Request, res: Response) => {
      securityHeaders(req, res);
      const html = renderPolicyPage({ botName: config.botName, title, text, version: config.version });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=300',
        'content-length': String(Buffer.byteLength(html)),
      });
      res.end(html);
    });
  }
}
