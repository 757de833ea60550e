import { OWN_SCRIPTS } from './dashboardAssets';
import { renderView } from '../platform/http/pageViews';
import { ASSET_BASE, dashboardLayoutContext } from './dashboardLayout';
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

/**
 * The dashboard's HTML: headings, landmarks and empty sections, with no data in it. The page
 * script signs in (Teams SSO or the browser session), then fills the sections from the JSON routes;
 * a 401 or 403 replaces them with a message, so nobody without the role sees any figure.
 */
export function renderDashboardPage(o: DashboardPageOptions): string {
  return renderView('dashboard/views/dashboard.njk', {
    ...dashboardLayoutContext({ ...o, title: 'Dashboard', scripts: dashboardScripts(o.inTeams) }),
    // Light, dark and high-contrast links for the browser (Teams has its own theme).
    themes: DASHBOARD_THEMES.map((t) => ({ value: t, text: THEME_LABELS[t] })),
    briefingRefresh: BRIEFING_REFRESH_SECONDS,
    pulseRefresh: PULSE_REFRESH_SECONDS,
    gapDays: GAP_DAYS,
  });
}
