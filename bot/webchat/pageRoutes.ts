import path from 'node:path';
import { Request, Response, Server } from 'restify';
import { Config } from '../platform/config';
import { projectRoot } from '../../knowledge/projectRoot';
import { renderEmbedScript } from './embedScript';
import { withoutGdsTransport } from '../platform/http/govukStyles';
import { directLineConnectSources, pageSecurityHeaders } from '../platform/http/securityHeaders';
import { StaticAssets } from '../platform/http/staticAssets';
import { renderWebChatPage } from './webChatPage';
import { WebChatMode } from './webChatMode';

/** The page's own files; resolved from the project root so they are found from dist/ as well as from source. */
function pageAssets(botName: string): StaticAssets {
  const root = projectRoot();
  const publicDir = path.join(root, 'bot', 'webchat', 'public');
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new StaticAssets({
    '/webchat/webchat.js': { file: path.join(root, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'), contentType: js },
    '/webchat/govuk-frontend.min.css': {
      file: path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.css'),
      contentType: css,
      transform: withoutGdsTransport,
    },
    '/webchat/page.js': { file: path.join(publicDir, 'page.js'), contentType: js },
    '/webchat/page.css': { file: path.join(publicDir, 'page.css'), contentType: css },
    '/webchat/favicon.svg': { file: path.join(publicDir, 'favicon.svg'), contentType: 'image/svg+xml' },
    '/embed.js': { content: () => renderEmbedScript(botName), contentType: js, crossOrigin: true },
  });
}

/**
 * The chat page (`/`, and `/?embed=1` for the widget's frame) with a fresh CSP nonce per
 * response, the files it loads, and `/embed.js`.
 */
export function registerPageRoutes(server: Server, config: Config, mode: WebChatMode): void {
  const assets = pageAssets(config.botName);
  const connectSources = mode === 'azure' ? directLineConnectSources(config.webChat.directLineEndpoint) : [];

  const securityHeaders = pageSecurityHeaders({ connectSources, frameAncestors: config.webChat.embedOrigins });

  server.get('/', async (req: Request, res: Response) => {
    const nonce = securityHeaders(req, res);
    const embedded = new URL(req.url ?? '/', 'http://localhost').searchParams.get('embed') === '1';
    const html = renderWebChatPage({ botName: config.botName, nonce, mode, embedded, version: config.version, safeguarding: config.safeguarding });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(html)) });
    res.end(html);
  });

  for (const assetPath of assets.paths) {
    server.get(assetPath, async (req: Request, res: Response) => assets.serve(assetPath, req, res));
  }
}
