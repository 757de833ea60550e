import crypto from 'node:crypto';
// Not re-exported from the package index; its per-URL cache is the SDK's only hook for where keys come from.
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { Logger } from 'pino';

/** A signing key as the SDK's token extractor wants it: a PEM public key and its channel endorsements. */
export interface SigningKey {
  key: string;
  endorsements?: string[];
}

interface JsonWebKey {
  kid?: string;
  kty?: string;
  n?: string;
  e?: string;
  endorsements?: string[];
}

export interface SigningKeyOptions {
  /** The OpenID metadata document whose `jwks_uri` lists the keys. */
  metadataUrl: string;
  logger: Logger;
  /** How long fetched keys are trusted before a refresh is tried (the SDK's own default is 24 hours). */
  refreshMs?: number;
  /** After a failed fetch, how long to keep serving the keys already held before trying again. */
  retryMs?: number;
  /** How long one fetch may take, so a hung endpoint cannot hold up every request. */
  timeoutMs?: number;
  nowMs?: () => number;
}

/**
 * Bot Framework's signing keys, fetched from the OpenID metadata and kept: when Microsoft's endpoint
 * is unreachable the keys already held keep verifying valid traffic (the SDK's own cache throws
 * instead once its keys are a day old), and an unknown key id triggers at most one fetch per
 * `retryMs`, so forged tokens cannot hammer the endpoint.
 */
export class ResilientSigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private lastAttempt = 0;
  private inFlight?: Promise<void>;
  private readonly refreshMs: number;
  private readonly retryMs: number;
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: SigningKeyOptions) {
    this.refreshMs = options.refreshMs ?? 24 * 60 * 60 * 1000;
    this.retryMs = options.retryMs ?? 5 * 60 * 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** The key with this id, or null when it is not (or cannot now be) known; never throws. */
  async getKey(keyId: string): Promise<SigningKey | null> {
    const now = this.nowMs();
    const stale = now - this.fetchedAt > this.refreshMs;
    const unknown = !this.keys.has(keyId);
    if ((stale || unknown) && now - this.lastAttempt >= (this.keys.size ? this.retryMs : 0)) await this.refresh();
    return this.keys.get(keyId) ?? null;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttempt = this.nowMs();
    try {
      const metadata = (await this.getJson(this.options.metadataUrl)) as { jwks_uri?: unknown };
      if (typeof metadata.jwks_uri !== 'string') throw new Error('the OpenID metadata has no jwks_uri');
      const { keys } = (await this.getJson(metadata.jwks_uri)) as { keys?: JsonWebKey[] };
      if (!Array.isArray(keys)) throw new Error('the key set has no keys');
      const next = new Map<string, SigningKey>();
      for (const jwk of keys) {
        if (!jwk.kid || jwk.kty !== 'RSA' || !jwk.n || !jwk.e) continue;
        const key = crypto
          .createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' })
          .export({ type: 'spki', format: 'pem' })
          .toString();
        next.set(jwk.kid, { key, endorsements: jwk.endorsements });
      }
      this.keys = next;
      this.fetchedAt = this.nowMs();
    } catch (err) {
      // Keep the keys already held: a short outage of the identity provider must not stop valid traffic.
      this.options.logger.warn({ err: { message: (err as Error).message }, keysHeld: this.keys.size }, 'could not refresh the Bot Framework signing keys');
    }
  }

  private async getJson(url: string): Promise<unknown> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status} from the signing key endpoint`);
    return res.json();
  }
}

/**
 * Puts resilient key sources in the SDK's per-URL cache of OpenID metadata, which its token
 * extractor reads; the cache is private in the type definitions, hence the cast.
 */
export function installResilientSigningKeys(metadataUrls: string[], logger: Logger): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, unknown> }).openIdMetadataCache;
  for (const metadataUrl of metadataUrls) {
    if (!(cache.get(metadataUrl) instanceof ResilientSigningKeys)) cache.set(metadataUrl, new ResilientSigningKeys({ metadataUrl, logger }));
  }
}
