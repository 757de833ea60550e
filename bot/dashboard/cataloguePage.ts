import { COURSE_LEVELS, DELIVERY_MODES } from '../../knowledge/training/catalogue';
import { renderView } from '../platform/http/pageViews';
import { editorPageScripts } from './dashboardAssets';
import { dashboardLayoutContext } from './dashboardLayout';
import { DashboardTheme } from './dashboardTheme';

/** What the Training catalogue page needs to know when it is served. */
export interface CataloguePageOptions {
  botName: string;
  nonce: string;
  theme: DashboardTheme;
  inTeams: boolean;
  version: string;
}

/**
 * The Training catalogue page's HTML for content editors: the list of courses and sessions, the
 * edit forms, the version history and the LMS import, all empty until the page script has signed
 * in and read them. Nothing from the database is put into this HTML.
 */
export function renderCataloguePage(o: CataloguePageOptions): string {
  const scripts = editorPageScripts(o.inTeams, ['dashboardCatalogue.js']);
  return renderView('dashboard/views/catalogue.njk', {
    ...dashboardLayoutContext({ ...o, title: 'Training catalogue', scripts }),
    courseLevels: COURSE_LEVELS,
    deliveryModes: DELIVERY_MODES,
  });
}
