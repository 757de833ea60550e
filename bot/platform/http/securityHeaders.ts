import crypto from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

/** The CSP hash of an empty style element. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** Browser features no page of the bot uses; helmet has no Permissions-Policy of its own. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** What the chat page's Content-Security-Policy allows beyond its own origin. */
export interface PagePolicy {
  /** Extra origins the page may talk to (Azure Direct Line over HTTPS and WebSockets). */
  connectSources: string[];
  /** Origins allowed to show the page in a frame, besides this one. */
  frameAncestors: string[];
}

/** Gives helmet each response's nonce, kept beside the response rather than on it. */
type NonceSource = (req: IncomingMessage, res: ServerResponse) => string;

/**
 * The page's Content-Security-Policy directives: scripts only from this origin with the response's
 * nonce (no inline script without it, no eval), styles from this origin or carrying the nonce (Web
 * Chat injects its styles with it), nothing from any CDN, and framing only by the listed origins.
 */
function pageDirectives(policy: PagePolicy, nonceOf: NonceSource): NonNullable<Extract<HelmetOptions['contentSecurityPolicy'], object>['directives']> {
  return {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", nonceOf],
    // The hash is of an empty string: one of Web Chat's style libraries (react-scroll-to-bottom)
    // adds an empty <style> without the nonce and then fills it through CSSOM, which CSP allows.
    styleSrc: ["'self'", nonceOf, EMPTY_STYLE_HASH],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...policy.connectSources],
    mediaSrc: ["'self'", 'blob:', 'data:'],
    manifestSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'", ...policy.frameAncestors],
  };
}

/** Runs a helmet middleware on a restify response (helmet only sets headers, and calls back at once). */
function run(middleware: ReturnType<typeof helmet>, req: IncomingMessage, res: ServerResponse): void {
  middleware(req, res, (err?: unknown) => {
    if (err) throw err;
  });
}

/**
 * Returns what a page route calls before writing its HTML: helmet's headers with the page's strict
 * policy, a fresh nonce for this response (returned, for the page's script and style tags), and no
 * caching, since the nonce changes. X-Frame-Options only when no other origin may frame the page,
 * as it cannot list origins.
 */
export function pageSecurityHeaders(policy: PagePolicy): (req: IncomingMessage, res: ServerResponse) => string {
  const nonces = new WeakMap<ServerResponse, string>();
  const nonceOf: NonceSource = (_req, res) => `'nonce-${nonces.get(res)}'`;
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: pageDirectives(policy, nonceOf) },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: policy.frameAncestors.length ? false : { action: 'sameorigin' },
  });
  return (req, res) => {
    const nonce = crypto.randomBytes(16).toString('base64');
    nonces.set(res, nonce);
    run(middleware, req, res);
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
    res.setHeader('cache-control', 'no-store');
    return nonce;
  };
}

/**
 * Returns what a route serving a page without scripts (the policy pages) calls: helmet's headers
 * with a policy letting only this server's stylesheets and images load, framed by Teams or itself.
 */
export function scriptlessPageHeaders(frameAncestors: string[]): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'self'", ...frameAncestors],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: frameAncestors.length ? false : { action: 'sameorigin' },
  });
  return (req, res) => {
    run(middleware, req, res);
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
  };
}

const sameOriginAssets = helmet({ contentSecurityPolicy: false, referrerPolicy: { policy: 'no-referrer' } });
const crossOriginAssets = helmet({
  contentSecurityPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
});

/** Helmet's headers for scripts, styles and images the page loads; `crossOrigin` for embed.js, which intranet pages load. */
export function assetSecurityHeaders(req: IncomingMessage, res: ServerResponse, crossOrigin = false): void {
  run(crossOrigin ? crossOriginAssets : sameOriginAssets, req, res);
}

/** The Direct Line origins the page must reach in Azure mode: the REST endpoint and its WebSocket twin. */
export function directLineConnectSources(endpoint: string): string[] {
  const url = new URL(endpoint);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}
