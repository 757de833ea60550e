import { Request, Response, Server } from 'restify';
import { Config } from '../platform/config';
import { renderPolicyPage } from './policyPage';

/** Strict headers for a page with no scripts: only the bot's own stylesheet may load. */
const HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'public, max-age=300',
};

/** `/privacy` and `/terms`: the pages the Teams app package links to by default, with text from configuration. */
export function registerPolicyRoutes(server: Server, config: Config): void {
  const pages: [string, string, string][] = [
    ['/privacy', 'Privacy notice', config.policies.privacyNotice],
    ['/terms', 'Terms of use', config.policies.termsOfUse],
  ];
  for (const [route, title, text] of pages) {
    server.get(route, async (_req: Request, res: Response) => {
      const html = renderPolicyPage({ botName: config.botName, title, text, version: config.version });
      res.writeHead(200, { ...HEADERS, 'content-length': String(Buffer.byteLength(html)) });
      res.end(html);
    });
  }
}
