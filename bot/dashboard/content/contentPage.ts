import { ENTRY_KINDS, ENTRY_STATUSES, AUTHORITIES } from '../../../knowledge/entry';
import { renderView } from '../../platform/http/pageViews';
import { editorPageScripts } from '../dashboardAssets';
import { dashboardLayoutContext } from '../dashboardLayout';
import { DashboardTheme } from '../dashboardTheme';

/** The scripts the Content page loads after the shared dashboard helpers: the card renderer, Markdown as Web Chat renders it, then the page. */
export const CONTENT_SCRIPTS = ['adaptivecards.min.js', 'markdown-it.min.js', 'dashboardContent.js'];

/** What the Content page needs to know when it is served. */
export interface ContentPageOptions {
  botName: string;
  nonce: string;
  theme: DashboardTheme;
  inTeams: boolean;
  version: string;
}

const STATUS_LABELS: Record<string, string> = { current: 'Current', historical: 'Historical', closed: 'Closed (no longer exists)', replaced: 'Replaced' };

/**
 * The Content page's HTML for content editors: the entry list with its filters, the edit form with
 * the card preview, the test pane and the version history, all empty until the page script has
 * signed in and read them. Nothing from the database is put into this HTML.
 */
export function renderContentPage(o: ContentPageOptions): string {
  const scripts = editorPageScripts(o.inTeams, CONTENT_SCRIPTS);
  return renderView('dashboard/views/content.njk', {
    ...dashboardLayoutContext({ ...o, title: 'Content', scripts }),
    entryKinds: ENTRY_KINDS,
    authorities: AUTHORITIES,
    entryStatuses: ENTRY_STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] ?? value })),
  });
}
