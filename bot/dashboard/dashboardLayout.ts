import { escapeHtml } from '../platform/http/escapeHtml';
import { DashboardTheme, themeClass } from './dashboardTheme';

/** Where the dashboard's own files are served. */
export const ASSET_BASE = '/dashboard/assets';

/** What every dashboard page (the dashboard itself and the sign-in page) shares. */
export interface DashboardLayoutOptions {
  botName: string;
  /** The page's <title>, before the bot's name. */
  title: string;
  /** The nonce this response's Content-Security-Policy allows. */
  nonce: string;
  theme: DashboardTheme;
  /** Inside the Teams tab: Teams shows the app's name and frame, so the page leaves out its own header and footer. */
  inTeams: boolean;
  /** Added to asset URLs so a new release is fetched rather than taken from the cache. */
  version: string;
  /** The page's main content (already escaped HTML). */
  main: string;
  /** Scripts to load from this server, in order (paths without the version query). */
  scripts: string[];
}

/**
 * A GOV.UK Frontend page in the style of the web chat page: skip link, header, main landmark,
 * footer, the theme as a class on <body>, and scripts only from this server with the nonce.
 */
export function renderDashboardLayout(o: DashboardLayoutOptions): string {
  const name = escapeHtml(o.botName);
  const v = encodeURIComponent(o.version);
  const bodyClasses = ['govuk-template__body', themeClass(o.theme), ...(o.inTeams ? ['app-in-teams'] : [])].join(' ');
  const header = o.inTeams
    ? ''
    : `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-header app-header">
    <div class="govuk-header__container govuk-width-container">
      <div class="govuk-header__content app-header__content">
        <a href="/dashboard" class="govuk-header__link govuk-header__service-name">${name}: dashboard</a>
      </div>
    </div>
  </header>`;
  const footer = o.inTeams
    ? ''
    : `<footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <p class="govuk-footer__meta-custom">Pulse results never show a figure about fewer people than the pulse's minimum group size, and never who answered what.</p>
        </div>
      </div>
    </div>
  </footer>`;
  const scripts = o.scripts.map((src) => `<script src="${src}?v=${v}" nonce="${o.nonce}"></script>`).join('\n  ');
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(o.title)} – ${name}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#0b0c0c">
  <link rel="icon" href="${ASSET_BASE}/favicon.svg?v=${v}" type="image/svg+xml">
  <link rel="stylesheet" href="${ASSET_BASE}/govuk-frontend.min.css?v=${v}">
  <link rel="stylesheet" href="${ASSET_BASE}/dashboard.css?v=${v}">
</head>
<body class="${bodyClasses}">
  ${header}
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper app-main" id="main-content">
${o.main}
    </main>
  </div>
  ${footer}
  ${scripts}
</body>
</html>
`;
}
