import { createRemoteJWKSet, decodeJwt, errors, JWTPayload, jwtVerify } from 'jose';
import { DateTime } from 'luxon';

/** Who a valid Teams single sign-on token says the caller is. */
export interface SsoUser {
  /** Entra ID object id (`oid`), stable for the person within their tenant. */
  aadObjectId: string;
  /** `upn` (v1 tokens) or `preferred_username` (v2), when present. */
  userPrincipalName?: string;
  tenantId: string;
  name?: string;
}

/** Why a token was refused: `unavailable` means the signing keys could not be fetched, so nothing could be checked. */
export type SsoRefusalReason = 'off' | 'expired' | 'audience' | 'issuer' | 'signature' | 'malformed' | 'unavailable';

/** The verdict on one token. */
export type SsoCheck = { ok: true; user: SsoUser } | { ok: false; reason: SsoRefusalReason; message: string };

/** What the verifier needs to know about this deployment. */
export interface SsoSettings {
  /** The bot's Microsoft App ID, which is also the Entra ID app the tab's tokens are issued for; absent means SSO is off. */
  appId?: string;
  /** BOT_DOMAIN; with it the Application ID URI `api://BOT_DOMAIN/appId` is accepted as the audience. */
  botDomain?: string;
  /** When set, only tokens from this Entra ID tenant are accepted. */
  tenantId?: string;
  /** Entra ID's JSON Web Key Set (AAD_JWKS_URL). */
  jwksUrl: string;
}

/** Clock difference tolerated between Entra ID and this server. */
const CLOCK_TOLERANCE_SECONDS = 60;
const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

const MESSAGES: Record<SsoRefusalReason, string> = {
  off: 'Teams sign-in is not set up on this server: set MicrosoftAppId (and BOT_DOMAIN) to turn it on.',
  expired: 'Your Teams sign-in has expired. Reload the tab to sign in again.',
  audience: 'That sign-in token was issued for another app, not this dashboard.',
  issuer: 'That sign-in token was not issued by Microsoft Entra ID for an allowed organisation.',
  signature: 'That sign-in token is not signed by Microsoft Entra ID.',
  malformed: 'That is not a valid sign-in token.',
  unavailable: "Your sign-in could not be checked because Microsoft Entra ID's signing keys could not be fetched. Try again in a minute.",
};

const refuse = (reason: SsoRefusalReason): SsoCheck => ({ ok: false, reason, message: MESSAGES[reason] });

/** The v2 and v1 issuers Entra ID uses for one tenant. */
export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** The audiences a Teams tab token for this app may carry: the Application ID URI and the bare app id. */
export function ssoAudiences(appId: string, botDomain: string | undefined): string[] {
  return botDomain ? [`api://${botDomain}/${appId}`, appId] : [appId];
}

/** Turns a jose failure into the reason the caller is told. */
function reasonOf(err: unknown): SsoRefusalReason {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return err.claim === 'aud' ? 'audience' : err.claim === 'iss' ? 'issuer' : 'malformed';
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return 'signature';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  return 'unavailable';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Checks the single sign-on tokens the Teams tab sends (from `authentication.getAuthToken()`):
 * RS256 only, signed by a key in Entra ID's published set, for this app's audience, from Entra ID's
 * v2 or v1 issuer for the token's own tenant (or only the configured tenant), and not expired by the
 * injected clock. Keys are fetched once and cached by jose.
 */
export class SsoTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly settings: SsoSettings,
    private readonly now: () => DateTime,
  ) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 });
  }

  /** Whether tokens can be accepted at all (an app id is configured). */
  get enabled(): boolean {
    return Boolean(this.settings.appId);
  }

  async verify(token: string): Promise<SsoCheck> {
    const appId = this.settings.appId;
    if (!appId) return refuse('off');
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return refuse('malformed');
    }
    // The issuer names the tenant, so the tenant is read first; the signature check below covers it.
    const tenantId = text(unverified.tid);
    if (!tenantId || !GUID.test(tenantId)) return refuse('malformed');
    if (this.settings.tenantId && tenantId.toLowerCase() !== this.settings.tenantId.toLowerCase()) return refuse('issuer');
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: ssoAudiences(appId, this.settings.botDomain),
        issuer: entraIssuers(tenantId),
        requiredClaims: ['exp', 'oid', 'tid'],
        currentDate: this.now().toJSDate(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const aadObjectId = text(payload.oid);
      if (!aadObjectId) return refuse('malformed');
      return {
        ok: true,
        user: { aadObjectId, userPrincipalName: text(payload.upn) ?? text(payload.preferred_username), tenantId, name: text(payload.name) },
      };
    } catch (err) {
      return refuse(reasonOf(err));
    }
  }
}
