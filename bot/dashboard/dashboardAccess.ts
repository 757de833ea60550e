import { IncomingMessage } from 'node:http';
import { RoleService } from '../features/roles/roleService';
import { DashboardSessions } from './dashboardSession';
import { SESSION_COOKIE, cookieValue } from './sessionCookie';
import { SsoRefusalReason, SsoTokenVerifier } from './ssoTokenVerifier';
import { bearerToken } from '../platform/http/bearerToken';

/** Someone allowed to see the dashboard, and how they got in. */
export interface DashboardViewer {
  /** `teams`: a Teams single sign-on token; `browser`: the admin-token sign-in. */
  via: 'teams' | 'browser';
  /** What the page calls them. */
  name: string;
  /** Every id they go by (their Entra ID object id), for "pulses you started". */
  ids: string[];
  admin: boolean;
}

/** Why a request was refused, as an HTTP status and the JSON body the page shows. */
export interface DashboardRefusal {
  status: 401 | 403 | 503;
  body: { error: string; message: string };
}

/** The verdict on one request: who is asking, or why they are refused. */
export type DashboardAccessCheck = { ok: true; viewer: DashboardViewer } | { ok: false; refusal: DashboardRefusal };

/** The id a browser session goes by: it stands for whoever holds the admin token. */
export const BROWSER_ADMIN_ID = 'admin-token';

const ERROR_OF: Record<SsoRefusalReason, string> = {
  off: 'SsoOff',
  expired: 'TokenExpired',
  audience: 'TokenInvalid',
  issuer: 'TokenInvalid',
  signature: 'TokenInvalid',
  malformed: 'TokenInvalid',
  unavailable: 'SsoUnavailable',
};

const refused = (status: DashboardRefusal['status'], error: string, message: string): DashboardAccessCheck => ({
  ok: false,
  refusal: { status, body: { error, message } },
});

/**
 * Decides, on the server and for every dashboard request, who is asking and whether they may see
 * it: a Teams SSO bearer token of a comms user or admin, or a browser session from the admin-token
 * sign-in. Anyone else is refused (401 without valid credentials, 403 without the role).
 */
export class DashboardAccess {
  constructor(
    private readonly deps: {
      sso: SsoTokenVerifier;
      sessions: DashboardSessions;
      roles: RoleService;
      /** Whether the admin-token sign-in is on (ADMIN_API_TOKEN is set). */
      browserSignIn: boolean;
    },
  ) {}

  async check(req: IncomingMessage): Promise<DashboardAccessCheck> {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) return this.checkBearer(authorization);
    const session = cookieValue(req, SESSION_COOKIE);
    if (session !== undefined && this.deps.browserSignIn) {
      if (await this.deps.sessions.isValid(session))
        return { ok: true, viewer: { via: 'browser', name: 'Admin (signed in with the admin token)', ids: [BROWSER_ADMIN_ID], admin: true } };
      return refused(401, 'SessionExpired', 'Your sign-in has expired. Sign in again.');
    }
    const how = this.deps.browserSignIn
      ? 'open the Dashboard tab in Microsoft Teams, or sign in at /dashboard/sign-in'
      : 'open the Dashboard tab in Microsoft Teams (browser sign-in is off because ADMIN_API_TOKEN is not set)';
    return refused(401, 'Unauthorized', `Sign in first: ${how}.`);
  }

  private async checkBearer(authorization: string): Promise<DashboardAccessCheck> {
    const token = bearerToken(authorization);
    if (!token) return refused(401, 'Unauthorized', 'Send the Teams sign-in token as "Authorization: Bearer <token>".');
    const checked = await this.deps.sso.verify(token);
    if (!checked.ok) return refused(checked.reason === 'unavailable' ? 503 : 401, ERROR_OF[checked.reason], checked.message);
    const { user } = checked;
    // The object id within its tenant decides; the token's user principal name is for display only.
    const identity = { aadObjectId: user.aadObjectId, tenantId: user.tenantId };
    if (!this.deps.roles.has(identity, 'comms')) {
      return refused(403, 'Forbidden', 'The dashboard is for the communications team and admins. If you need it, ask an admin to add you to COMMS_USERS.');
    }
    const ids = [user.aadObjectId];
    return {
      ok: true,
      viewer: { via: 'teams', name: user.name ?? user.userPrincipalName ?? 'Signed in with Teams', ids, admin: this.deps.roles.has(identity, 'admin') },
    };
  }
}
