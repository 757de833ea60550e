import { escapeHtml } from '../platform/http/escapeHtml';
import { renderDashboardLayout } from './dashboardLayout';
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

/** The form, in GOV.UK style, with an error summary and an inline error when something was wrong. */
function signInForm(o: SignInPageOptions): string {
  const problem = o.problem ? PROBLEMS[o.problem] : undefined;
  // "Expired" is not the token's fault, so the field itself is not marked as wrong.
  const fieldError = problem && o.problem !== 'expired' ? problem : undefined;
  const summary = problem
    ? `<div class="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">There is a problem</h2>
            <div class="govuk-error-summary__body">
              <ul class="govuk-list govuk-error-summary__list"><li><a href="#token">${escapeHtml(problem)}</a></li></ul>
            </div>
          </div>
        </div>`
    : '';
  return `${summary}
        <h1 class="govuk-heading-xl">Sign in to the dashboard</h1>
        <p class="govuk-body">In Microsoft Teams, open the app's Dashboard tab instead: it signs you in with your work account.</p>
        <p class="govuk-body">Here, for local use, sign in with the admin token (the <code>ADMIN_API_TOKEN</code> setting). You stay signed in for ${SESSION_MINUTES} minutes.</p>
        <form method="post" action="/dashboard/sign-in" novalidate>
          <input type="hidden" name="theme" value="${o.theme}">
          <div class="govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}">
            <label class="govuk-label govuk-label--m" for="token">Admin token</label>
            <div id="token-hint" class="govuk-hint">Ask whoever runs the bot if you do not have it.</div>
            ${fieldError ? `<p id="token-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(fieldError)}</p>` : ''}
            <input class="govuk-input govuk-!-width-two-thirds${fieldError ? ' govuk-input--error' : ''}" id="token" name="token" type="password"
              aria-describedby="token-hint${fieldError ? ' token-error' : ''}" autocomplete="current-password" spellcheck="false"${problem ? ' autofocus' : ''}>
          </div>
          <button type="submit" class="govuk-button">Sign in</button>
        </form>`;
}

/** Said instead of the form when ADMIN_API_TOKEN is not set. */
const SIGN_IN_OFF = `<h1 class="govuk-heading-xl">Sign in to the dashboard</h1>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Signing in from a browser is off on this server.</strong>
        </div>
        <p class="govuk-body">Open the Dashboard tab of the app in Microsoft Teams: it signs you in with your work account.</p>
        <p class="govuk-body">For local use, whoever runs the bot can set <code>ADMIN_API_TOKEN</code>; you can then sign in here with it.</p>`;

/** The browser sign-in page: the admin-token form, or why there is no way in. */
export function renderSignInPage(o: SignInPageOptions): string {
  const main = `      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${o.enabled ? signInForm(o) : SIGN_IN_OFF}
      </div></div>`;
  const title = o.problem && o.problem !== 'expired' ? 'Error: Sign in' : 'Sign in';
  return renderDashboardLayout({ botName: o.botName, title, nonce: o.nonce, theme: o.theme, inTeams: false, version: o.version, main, scripts: [] });
}
