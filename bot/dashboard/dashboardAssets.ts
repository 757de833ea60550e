import path from 'node:path';
import { projectRoot } from '../../knowledge/projectRoot';
import { withoutGdsTransport } from '../platform/http/govukStyles';
import { StaticAssets } from '../platform/http/staticAssets';
import { ASSET_BASE } from './dashboardLayout';

/** The page's own scripts in bot/dashboard/public, in the order the page loads them; each has one job (see the comment at its top). */
export const OWN_SCRIPTS = [
  'dashboardDom.js',
  'dashboardTheme.js',
  'dashboardCharts.js',
  'dashboardAuth.js',
  'dashboardPulses.js',
  'dashboardBriefings.js',
  'dashboardGaps.js',
  'dashboardAuthoring.js',
  'dashboard.js',
];

/** The shared scripts the editor pages (Content, Training catalogue) load before their own, after Teams' library in the Teams tab. */
const EDITOR_SCRIPTS = ['dashboardDom.js', 'dashboardTheme.js', 'dashboardAuth.js', 'dashboardEditor.js'];

/** The scripts an editor page loads, in order: Teams' library (in Teams only), the shared editor scripts, then the page's own. */
export function editorPageScripts(inTeams: boolean, pageScripts: string[]): string[] {
  return [...(inTeams ? ['teams-js.min.js'] : []), ...EDITOR_SCRIPTS, ...pageScripts].map((f) => `${ASSET_BASE}/${f}`);
}

/**
 * The files the dashboard loads, all from this server (intranets and Teams tabs often cannot reach a
 * CDN): GOV.UK Frontend's styles without the GDS typeface, Chart.js, Microsoft's Teams library, and
 * the page's own scripts and styles. Resolved from the project root, so they are found from dist/ too.
 */
export function dashboardAssets(): StaticAssets {
  const root = projectRoot();
  const publicDir = path.join(root, 'bot', 'dashboard', 'public');
  const modules = path.join(root, 'node_modules');
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new StaticAssets({
    [`${ASSET_BASE}/govuk-frontend.min.css`]: {
      file: path.join(modules, 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.css'),
      contentType: css,
      transform: withoutGdsTransport,
    },
    [`${ASSET_BASE}/dashboard.css`]: { file: path.join(publicDir, 'dashboard.css'), contentType: css },
    [`${ASSET_BASE}/favicon.svg`]: { file: path.join(root, 'bot', 'webchat', 'public', 'favicon.svg'), contentType: 'image/svg+xml' },
    [`${ASSET_BASE}/chart.umd.js`]: { file: path.join(modules, 'chart.js', 'dist', 'chart.umd.js'), contentType: js },
    // The same Adaptive Cards renderer Microsoft's clients use, so the authoring preview shows the card as staff will see it.
    [`${ASSET_BASE}/adaptivecards.min.js`]: { file: path.join(modules, 'adaptivecards', 'dist', 'adaptivecards.min.js'), contentType: js },
    [`${ASSET_BASE}/teams-js.min.js`]: { file: path.join(modules, '@microsoft', 'teams-js', 'dist', 'umd', 'MicrosoftTeams.min.js'), contentType: js },
    ...Object.fromEntries(
      [...OWN_SCRIPTS, 'dashboardEditor.js'].map((file) => [`${ASSET_BASE}/${file}`, { file: path.join(publicDir, file), contentType: js }]),
    ),
  });
}
