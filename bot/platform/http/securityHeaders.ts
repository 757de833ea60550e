/** The CSP hash of an empty style element. */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** What the chat page's Content-Security-Policy allows beyond its own origin. */
export interface PagePolicy {
  /** The per-response nonce that scripts and Web Chat's injected styles carry. */
  nonce: string;
  /** Extra origins the page may talk to (Azure Direct Line over HTTPS and WebSockets). */
  connectSources: string[];
  /** Origins allowed to show the page in a frame, besides this one. */
  frameAncestors: string[];
}

/**
 * The page's Content-Security-Policy: scripts only from this origin with the response's nonce (no
 * inline script without it, no eval), styles from this origin or carrying the nonce (Web Chat
 * injects its styles with it), nothing from any CDN, and framing only by the listed origins.
 */
export function contentSecurityPolicy(policy: PagePolicy): string {
  const nonce = `'nonce-${policy.nonce}'`;
  return [
    "default-src 'none'",
    `script-src 'self' ${nonce}`,
    // The hash is of an empty string: one of Web Chat's style libraries (react-scroll-to-bottom)
    // adds an empty <style> without the nonce and then fills it through CSSOM, which CSP allows.
    `style-src 'self' ${nonce} '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...policy.connectSources].join(' ')}`,
    "media-src 'self' blob: data:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${["'self'", ...policy.frameAncestors].join(' ')}`,
  ].join('; ');
}

/** Headers for the chat page: the policy above plus the usual hardening, and no caching (the nonce changes). */
export function pageSecurityHeaders(policy: PagePolicy): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(policy),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // X-Frame-Options cannot list origins; browsers that know frame-ancestors ignore it anyway.
    ...(policy.frameAncestors.length ? {} : { 'x-frame-options': 'SAMEORIGIN' }),
    'cache-control': 'no-store',
  };
}

/** Headers for scripts, styles and images the page loads; `crossOrigin` for embed.js, which intranet pages load. */
export function assetSecurityHeaders(crossOrigin = false): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': crossOrigin ? 'cross-origin' : 'same-origin',
  };
}

/** The Direct Line origins the page must reach in Azure mode: the REST endpoint and its WebSocket twin. */
export function directLineConnectSources(endpoint: string): string[] {
  const url = new URL(endpoint);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}
