import { DashboardTheme, themeClass } from './dashboardTheme';

/** Where the dashboard's own files are served. */
export const ASSET_BASE = '/dashboard/assets';

/** What every dashboard page (the dashboard itself, its editors and the sign-in page) shares. */
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
  /** Scripts to load from this server, in order (paths without the version query). */
  scripts: string[];
}

/** The values `dashboard/views/layout.njk` reads, for a page template that extends it. */
export function dashboardLayoutContext(o: DashboardLayoutOptions): Record<string, unknown> {
  return { ...o, themeClass: themeClass(o.theme), assetBase: ASSET_BASE };
}
