import { renderView } from '../platform/http/pageViews';
import { dashboardLayoutContext } from './dashboardLayout';
import { DashboardTheme } from './dashboardTheme';
import { SESSION_MINUTES } from './dashboardSession';

/** Why the sign-in form is shown again. */
export type SignInProblem = 'missing' | 'wrong' | 'tooMany' | 'expired';

const PROBLEMS: Record<SignInProblem, string> = {
  missing: 'Enter the admin token',
  wrong: 'The admin token is not right. Check it and try again',
  tooMany: 'Too many sign-in attempts. Wait a minute, then try again',
  expired: 'Your sign-in has expired. Sign in again',
};

/** What the sign-in page shows. */
export interface SignInPageOptions {
  botName: string;
  nonce: string;
  theme: DashboardTheme;
  version: string;
  /** False when ADMIN_API_TOKEN is not set: there is no way in from a browser, and the page says so. */
  enabled: boolean;
  problem?: SignInProblem;
}

/** The browser sign-in page: the admin-token form (with an error summary and an inline error when something was wrong), or why there is no way in. */
export function renderSignInPage(o: SignInPageOptions): string {
  const problem = o.problem ? PROBLEMS[o.problem] : undefined;
  // "Expired" is not the token's fault, so the field itself is not marked as wrong.
  const fieldError = problem && o.problem !== 'expired' ? problem : undefined;
  const title = fieldError ? 'Error: Sign in' : 'Sign in';
  return renderView('dashboard/views/signIn.njk', {
    ...dashboardLayoutContext({ botName: o.botName, title, nonce: o.nonce, theme: o.theme, inTeams: false, version: o.version, scripts: [] }),
    enabled: o.enabled,
    problem,
    fieldError,
    sessionMinutes: SESSION_MINUTES,
  });
}
