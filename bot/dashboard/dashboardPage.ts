import { OWN_SCRIPTS } from './dashboardAssets';
import { ASSET_BASE, renderDashboardLayout } from './dashboardLayout';
import { DASHBOARD_THEMES, DashboardTheme, THEME_LABELS } from './dashboardTheme';

/** How often the page asks for briefing delivery progress. */
export const BRIEFING_REFRESH_SECONDS = 10;
/** How often the page asks for pulse response counts. */
export const PULSE_REFRESH_SECONDS = 60;
/** The period the content gap report covers. */
export const GAP_DAYS = 90;

/** What the dashboard page needs to know when it is served. */
export interface DashboardPageOptions {
  botName: string;
  nonce: string;
  theme: DashboardTheme;
  /** Opened as the Teams tab (`?inTeams=1`): signs in with Teams SSO and follows Teams' theme. */
  inTeams: boolean;
  version: string;
}

/** The scripts the page loads, in order: Teams' library (in Teams only), Chart.js, then the page's own files. */
export function dashboardScripts(inTeams: boolean): string[] {
  return [
    ...(inTeams ? [`${ASSET_BASE}/teams-js.min.js`] : []),
    `${ASSET_BASE}/chart.umd.js`,
    `${ASSET_BASE}/adaptivecards.min.js`,
    ...OWN_SCRIPTS.map((f) => `${ASSET_BASE}/${f}`),
  ];
}

/** Light, dark and high-contrast links and the sign-out button, for the browser (Teams has its own theme and sign-in). */
function browserControls(theme: DashboardTheme): string {
  const links = DASHBOARD_THEMES.map(
    (t) => `<li><a class="govuk-link" href="/dashboard?theme=${t}"${t === theme ? ' aria-current="true"' : ''}>${THEME_LABELS[t]}</a></li>`,
  ).join('');
  return `<nav class="app-toolbar__themes" aria-label="Colour theme">
          <span class="govuk-body-s app-toolbar__label">Colours:</span>
          <ul class="app-inline-list">${links}</ul>
        </nav>
        <form method="post" action="/dashboard/sign-out" class="app-toolbar__sign-out">
          <input type="hidden" name="theme" value="${theme}">
          <button type="submit" class="govuk-button govuk-button--secondary app-toolbar__button">Sign out</button>
        </form>`;
}

/** One section's frame; the page script fills its body once the data arrives. */
function section(id: string, heading: string, intro: string, body: string): string {
  return `<section class="app-section" id="${id}" aria-labelledby="${id}-heading">
          <h2 class="govuk-heading-l" id="${id}-heading">${heading}</h2>
          ${intro}
          ${body}
        </section>`;
}

/**
 * The dashboard's HTML: headings, landmarks and empty sections, with no data in it. The page
 * script signs in (Teams SSO or the browser session), then fills the sections from the JSON routes;
 * a 401 or 403 replaces them with a message, so nobody without the role sees any figure.
 */
export function renderDashboardPage(o: DashboardPageOptions): string {
  const main = `      <div id="dashboard" data-auth="${o.inTeams ? 'teams' : 'browser'}" data-api="/dashboard/api" data-sign-in="/dashboard/sign-in"
           data-briefing-refresh="${BRIEFING_REFRESH_SECONDS}" data-pulse-refresh="${PULSE_REFRESH_SECONDS}" data-gap-days="${GAP_DAYS}">
        <h1 class="govuk-heading-xl app-title">Dashboard</h1>
        <p class="govuk-body"><a class="govuk-link" id="content-link" href="/dashboard/content${o.inTeams ? '?inTeams=1' : ''}">Content</a>: content editors keep the knowledge entries correct and current.</p>
        <p class="govuk-body"><a class="govuk-link" id="catalogue-link" href="/dashboard/catalogue${o.inTeams ? '?inTeams=1' : ''}">Training catalogue</a>: content editors keep courses and sessions up to date, and import sessions from the learning system.</p>
        <div class="app-toolbar">
          <p class="govuk-body app-toolbar__viewer" id="dashboard-viewer">Signing in&hellip;</p>
          ${o.inTeams ? '' : browserControls(o.theme)}
        </div>
        <div id="dashboard-problem" hidden></div>
        <div id="dashboard-content" hidden>
          <nav class="app-contents" aria-labelledby="contents-heading">
            <h2 class="govuk-heading-s" id="contents-heading">On this page</h2>
            <ul class="govuk-list">
              <li><a class="govuk-link" href="#pulses">Pulses</a></li>
              <li><a class="govuk-link" href="#briefings">Briefings</a></li>
              <li><a class="govuk-link" href="#gaps">Content gaps</a></li>
              <li><a class="govuk-link" href="#authoring">Write a briefing or start a pulse</a></li>
            </ul>
          </nav>
          ${section(
            'pulses',
            'Pulses',
            '<p class="govuk-body">Response rates and results of the pulses you can see, newest first. A figure about fewer people than the pulse’s minimum group size is never shown.</p>',
            '<div id="pulses-list"><p class="govuk-body">Loading pulses&hellip;</p></div>\n          <div id="pulse-results"></div>',
          )}
          ${section(
            'briefings',
            'Briefings',
            `<p class="govuk-body">How far each briefing has got: sent, waiting to send, acknowledged ("Got it"), failed and unreachable. This updates every ${BRIEFING_REFRESH_SECONDS} seconds.</p>`,
            '<p class="govuk-body-s app-updated" id="briefings-updated"></p>\n          <div id="briefings-body"><p class="govuk-body">Loading briefings&hellip;</p></div>',
          )}
          ${section(
            'gaps',
            'Content gaps',
            `<p class="govuk-body">What staff asked that the bot could not answer, and the entries they marked "not helpful", in the last ${GAP_DAYS} days.</p>`,
            '<div id="gaps-body"><p class="govuk-body">Loading the content gap report&hellip;</p></div>',
          )}
          ${section(
            'authoring',
            'Write a briefing or start a pulse',
            '<p class="govuk-body">Choose who it is for and see how many people it reaches, preview the card as staff will see it, send a test to yourself, then send now or schedule it (UK time). The same checks apply as in the chat and the admin API.</p>',
            '<div id="authoring-body"><p class="govuk-body">Loading the form&hellip;</p></div>',
          )}
        </div>
        <noscript><p class="govuk-body">The dashboard needs JavaScript. Turn it on in your browser, or ask your IT team.</p></noscript>
      </div>`;
  return renderDashboardLayout({
    botName: o.botName,
    title: 'Dashboard',
    nonce: o.nonce,
    theme: o.theme,
    inTeams: o.inTeams,
    version: o.version,
    main,
    scripts: dashboardScripts(o.inTeams),
  });
}
