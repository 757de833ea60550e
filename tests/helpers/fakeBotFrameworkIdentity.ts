import http from 'node:http';
import { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The issuer Bot Framework's channel tokens carry (the SDK's public-cloud default). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface ChannelTokenOptions {
  audience: string;
  serviceUrl: string;
  /** Seconds from now until expiry; negative for a token already expired. */
  expiresInSeconds?: number;
  /** Signed with another key under the real key's id. */
  forged?: boolean;
}

/**
 * A local stand-in for Bot Framework's token service: an OpenID metadata document whose `jwks_uri`
 * serves an RS256 key (endorsed for msteams, as the real ones are), and channel tokens signed by it.
 * `down` makes both addresses refuse with 503, as in an outage.
 */
export class FakeBotFrameworkIdentity {
  private server?: http.Server;
  private signing?: CryptoKey;
  private forger?: CryptoKey;
  readonly kid = 'bf-test-key';
  down = false;
  /** How many times the key set was fetched. */
  keyFetches = 0;

  /** Starts the server; returns the OpenID metadata URL. */
  async start(): Promise<string> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    this.signing = pair.privateKey;
    this.forger = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: 'sig', endorsements: ['msteams', 'webchat'] };
    this.server = http.createServer((req, res) => {
      if (this.down) {
        res.writeHead(503);
        res.end();
        return;
      }
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/keys') {
        this.keyFetches += 1;
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as Teams' requests carry in their Authorization header. */
  async token(options: ChannelTokenOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: options.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(BOT_FRAMEWORK_ISSUER)
      .setAudience(options.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.forged ? this.forger! : this.signing!);
  }
}

/** A token with `alg: none` and no signature, which must never be accepted. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT', kid: 'bf-test-key' })}.${part(claims)}.`;
}
