import { ENTRY_KINDS, ENTRY_STATUSES, AUTHORITIES } from '../../../knowledge/entry';
import { ASSET_BASE, renderDashboardLayout } from '../dashboardLayout';
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

const options = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => `<option value="${v}">${labels[v] ?? v}</option>`).join('');

/** A labelled GOV.UK text input or textarea with its hint and error slot. */
function field(name: string, label: string, hint: string, control: 'input' | 'textarea' | 'date', rows = 3): string {
  const hintHtml = hint ? `<div class="govuk-hint" id="f-${name}-hint">${hint}</div>` : '';
  const described = `${hint ? `f-${name}-hint ` : ''}f-${name}-error`;
  const input =
    control === 'textarea'
      ? `<textarea class="govuk-textarea" id="f-${name}" name="${name}" rows="${rows}" aria-describedby="${described}"></textarea>`
      : `<input class="govuk-input" id="f-${name}" name="${name}" type="${control === 'date' ? 'date' : 'text'}" aria-describedby="${described}">`;
  return `<div class="govuk-form-group" data-field="${name}"><label class="govuk-label govuk-label--s" for="f-${name}">${label}</label>${hintHtml}<p class="govuk-error-message" id="f-${name}-error" hidden></p>${input}</div>`;
}

function select(name: string, label: string, values: readonly string[], labels: Record<string, string> = {}): string {
  return `<div class="govuk-form-group" data-field="${name}"><label class="govuk-label govuk-label--s" for="f-${name}">${label}</label><p class="govuk-error-message" id="f-${name}-error" hidden></p><select class="govuk-select" id="f-${name}" name="${name}" aria-describedby="f-${name}-error">${options(values, labels)}</select></div>`;
}

/**
 * The Content page's HTML for content editors: the entry list with its filters, the edit form with
 * the card preview, the test pane and the version history, all empty until the page script has
 * signed in and read them. Nothing from the database is put into this HTML.
 */
export function renderContentPage(o: ContentPageOptions): string {
  const teams = o.inTeams ? '?inTeams=1' : '';
  const main = `      <div id="content-editor" data-auth="${o.inTeams ? 'teams' : 'browser'}" data-api="/dashboard/api/content" data-sign-in="/dashboard/sign-in">
        <a class="govuk-back-link" href="/dashboard${teams}">Back to the dashboard</a>
        <h1 class="govuk-heading-xl app-title">Content</h1>
        <p class="govuk-body" id="content-viewer">Signing in&hellip;</p>
        <div id="content-problem" hidden></div>
        <div id="content-main" hidden>
          <section class="app-section" id="entries" aria-labelledby="entries-heading">
            <h2 class="govuk-heading-l" id="entries-heading">Entries</h2>
            <p class="govuk-body">Every glossary, Common Core, framework and strategy entry staff are answered from. Choose one to edit it; a change goes live when a second editor approves it.</p>
            <div class="govuk-form-group">
              <label class="govuk-label" for="content-filter">Show</label>
              <select class="govuk-select" id="content-filter">
                <option value="all">All entries</option>
                <option value="overdue">Review date passed</option>
                <option value="unhelpful">Marked "not helpful"</option>
                <option value="drafts">Drafts waiting for approval</option>
              </select>
            </div>
            <button type="button" class="govuk-button govuk-button--secondary" id="content-new">Write a new entry</button>
            <div id="entries-body" aria-live="polite"><p class="govuk-body">Loading entries&hellip;</p></div>
          </section>
          <section class="app-section" id="edit" aria-labelledby="edit-heading" hidden>
            <h2 class="govuk-heading-l" id="edit-heading" tabindex="-1">Edit</h2>
            <p class="govuk-body" id="edit-state"></p>
            <div id="edit-messages" aria-live="polite"></div>
            <form id="edit-form" novalidate>
              ${field('id', 'Id', 'Lower case letters, digits and hyphens, for example lead-professional. It cannot change later.', 'input')}
              ${field('title', 'Title', '', 'input')}
              ${select('kind', 'Kind', ENTRY_KINDS)}
              ${field('acronyms', 'Acronyms', 'One a line.', 'textarea', 2)}
              ${field('aliases', 'Other names', 'One a line.', 'textarea', 2)}
              ${field('questions', 'Ways staff ask it', "One question a line, in staff's own words.", 'textarea', 4)}
              ${field('tags', 'Tags', 'One a line; at least one.', 'textarea', 2)}
              ${field('summary', 'Short answer', 'Shown first on the card; at most 400 characters.', 'textarea', 3)}
              ${field('body', 'Answer text (Markdown)', 'Shown under "More detail" on the card.', 'textarea', 8)}
              ${field('source', 'Source', '', 'input')}
              ${select('authority', 'Authority', AUTHORITIES)}
              ${field('owner', 'Owner', 'The team or person who keeps this entry correct.', 'input')}
              ${field('review_by', 'Review by', '', 'date')}
              ${select('status', 'Status', ENTRY_STATUSES, STATUS_LABELS)}
              ${field('status_note', 'Status note', 'Needed unless the status is current, for example "closed in 2012".', 'input')}
              ${field('related', 'Related entries', 'Ids of other entries, one a line.', 'textarea', 2)}
              <div class="govuk-button-group">
                <button type="submit" class="govuk-button" id="edit-save">Save draft</button>
                <button type="button" class="govuk-button govuk-button--secondary" id="edit-preview">Preview</button>
                <button type="button" class="govuk-button govuk-button--warning" id="edit-approve" hidden>Approve and publish</button>
              </div>
            </form>
            <h3 class="govuk-heading-m">Preview</h3>
            <p class="govuk-body-s">The answer card exactly as the bot sends it, rendered as each channel shows it.</p>
            <div class="app-preview" id="preview-body"><p class="govuk-body">Choose Preview to see the card.</p></div>
            <h3 class="govuk-heading-m">Versions</h3>
            <div id="versions-body"><p class="govuk-body">No versions yet.</p></div>
          </section>
          <section class="app-section" id="test-pane" aria-labelledby="test-heading">
            <h2 class="govuk-heading-l" id="test-heading">Try a question</h2>
            <p class="govuk-body">Ask the knowledge base as staff would, with the drafts applied or as it is live, and see which entry wins and why.</p>
            <form id="ask-form" novalidate>
              <div class="govuk-form-group"><label class="govuk-label" for="ask-q">Question</label><input class="govuk-input" id="ask-q" type="text"></div>
              <div class="govuk-form-group"><label class="govuk-label" for="ask-kb">Knowledge base</label><select class="govuk-select" id="ask-kb"><option value="draft">With drafts</option><option value="live">Live</option></select></div>
              <button type="submit" class="govuk-button govuk-button--secondary">Ask</button>
            </form>
            <div id="ask-body" aria-live="polite"></div>
          </section>
        </div>
        <noscript><p class="govuk-body">The Content page needs JavaScript. Turn it on in your browser, or ask your IT team.</p></noscript>
      </div>`;
  const scripts = [
    ...(o.inTeams ? [`${ASSET_BASE}/teams-js.min.js`] : []),
    ...['dashboardDom.js', 'dashboardTheme.js', 'dashboardAuth.js', ...CONTENT_SCRIPTS].map((f) => `${ASSET_BASE}/${f}`),
  ];
  return renderDashboardLayout({ botName: o.botName, title: 'Content', nonce: o.nonce, theme: o.theme, inTeams: o.inTeams, version: o.version, main, scripts });
}
