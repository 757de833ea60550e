import { COURSE_LEVELS, DELIVERY_MODES } from '../../knowledge/training/catalogue';
import { ASSET_BASE, renderDashboardLayout } from './dashboardLayout';
import { DashboardTheme } from './dashboardTheme';

/** What the Training catalogue page needs to know when it is served. */
export interface CataloguePageOptions {
  botName: string;
  nonce: string;
  theme: DashboardTheme;
  inTeams: boolean;
  version: string;
}

/** A labelled GOV.UK input, textarea or select with its hint and error slot; `form` prefixes ids so the course and session forms never share one. */
function field(form: string, name: string, label: string, hint: string, control: 'input' | 'textarea' | readonly string[], rows = 2): string {
  const id = `${form}-${name}`;
  const hintHtml = hint ? `<div class="govuk-hint" id="${id}-hint">${hint}</div>` : '';
  const described = `${hint ? `${id}-hint ` : ''}${id}-error`;
  const input =
    control === 'textarea'
      ? `<textarea class="govuk-textarea" id="${id}" name="${name}" rows="${rows}" aria-describedby="${described}"></textarea>`
      : control === 'input'
        ? `<input class="govuk-input" id="${id}" name="${name}" type="text" aria-describedby="${described}">`
        : `<select class="govuk-select" id="${id}" name="${name}" aria-describedby="${described}">${control.map((v) => `<option value="${v}">${v}</option>`).join('')}</select>`;
  return `<div class="govuk-form-group" data-field="${name}"><label class="govuk-label govuk-label--s" for="${id}">${label}</label>${hintHtml}<p class="govuk-error-message" id="${id}-error" hidden></p>${input}</div>`;
}

const LINES = 'One a line.';

/**
 * The Training catalogue page's HTML for content editors: the list of courses and sessions, the
 * edit forms, the version history and the LMS import, all empty until the page script has signed
 * in and read them. Nothing from the database is put into this HTML.
 */
export function renderCataloguePage(o: CataloguePageOptions): string {
  const teams = o.inTeams ? '?inTeams=1' : '';
  const main = `      <div id="catalogue-editor" data-auth="${o.inTeams ? 'teams' : 'browser'}" data-api="/dashboard/api/catalogue" data-sign-in="/dashboard/sign-in">
        <a class="govuk-back-link" href="/dashboard${teams}">Back to the dashboard</a>
        <h1 class="govuk-heading-xl app-title">Training catalogue</h1>
        <p class="govuk-body" id="catalogue-viewer">Signing in&hellip;</p>
        <div id="catalogue-problem" hidden></div>
        <div id="catalogue-main" hidden>
          <section class="app-section" id="items" aria-labelledby="items-heading">
            <h2 class="govuk-heading-l" id="items-heading">Courses and sessions</h2>
            <p class="govuk-body">What staff are offered when they ask about training. Choose one to edit it; a change goes live when a second editor approves it.</p>
            <div class="govuk-form-group">
              <label class="govuk-label" for="catalogue-filter">Show</label>
              <select class="govuk-select" id="catalogue-filter">
                <option value="all">Courses and sessions</option>
                <option value="courses">Courses</option>
                <option value="sessions">Sessions</option>
                <option value="drafts">Drafts waiting for approval</option>
              </select>
            </div>
            <div class="govuk-button-group">
              <button type="button" class="govuk-button govuk-button--secondary" id="new-course">Add a course</button>
              <button type="button" class="govuk-button govuk-button--secondary" id="new-session">Add a session</button>
            </div>
            <div id="items-body" aria-live="polite"><p class="govuk-body">Loading the catalogue&hellip;</p></div>
          </section>
          <section class="app-section" id="edit" aria-labelledby="edit-heading" hidden>
            <h2 class="govuk-heading-l" id="edit-heading" tabindex="-1">Edit</h2>
            <p class="govuk-body" id="edit-state"></p>
            <div id="edit-messages" aria-live="polite"></div>
            <form id="course-form" class="app-catalogue-form" novalidate hidden>
              ${field('course', 'id', 'Id', 'Lower case letters, digits and hyphens. It cannot change later.', 'input')}
              ${field('course', 'title', 'Title', '', 'input')}
              ${field('course', 'summary', 'Summary', 'At most 400 characters.', 'textarea', 3)}
              ${field('course', 'provider', 'Provider', '', 'input')}
              ${field('course', 'contact', 'Contact', 'Who staff ask when no session suits them.', 'input')}
              ${field('course', 'booking_url', 'Booking page', 'An https:// link.', 'input')}
              ${field('course', 'sectors', 'Sectors', `${LINES} Write all for everyone.`, 'textarea')}
              ${field('course', 'roles', 'Roles', LINES, 'textarea')}
              ${field('course', 'level', 'Level', '', COURSE_LEVELS)}
              ${field('course', 'delivery', 'Delivery', '', DELIVERY_MODES)}
              ${field('course', 'duration', 'Duration', 'For example half a day.', 'input')}
              ${field('course', 'common_core', 'Common Core areas', LINES, 'textarea')}
              ${field('course', 'acronyms', 'Acronyms', LINES, 'textarea')}
              ${field('course', 'aliases', 'Other names staff use', LINES, 'textarea', 3)}
              ${field('course', 'tags', 'Tags', LINES, 'textarea')}
              ${field('course', 'related_entries', 'Related knowledge entries', `Entry ids. ${LINES}`, 'textarea')}
            </form>
            <form id="session-form" class="app-catalogue-form" novalidate hidden>
              ${field('session', 'id', 'Id', 'Lower case letters, digits and hyphens. It cannot change later.', 'input')}
              ${field('session', 'course', 'Course id', '', 'input')}
              ${field('session', 'start', 'Starts', 'Local time, written 2027-01-14T09:30.', 'input')}
              ${field('session', 'end', 'Ends', 'Local time, written 2027-01-14T16:00.', 'input')}
              ${field('session', 'timezone', 'Time zone', '', 'input')}
              ${field('session', 'online', 'Online', '', ['no', 'yes'])}
              ${field('session', 'venue', 'Venue', 'Leave empty for an online session.', 'input')}
              ${field('session', 'places_left', 'Places left', '', 'input')}
              ${field('session', 'status', 'Status', '', ['scheduled', 'cancelled'])}
              ${field('session', 'booking_url', 'Booking page for this session', "Leave empty to use the course's.", 'input')}
            </form>
            <div class="govuk-button-group">
              <button type="button" class="govuk-button" id="edit-save">Save draft</button>
              <button type="button" class="govuk-button govuk-button--warning" id="edit-approve" hidden>Approve and publish</button>
            </div>
            <h3 class="govuk-heading-m">Versions</h3>
            <div id="versions-body"><p class="govuk-body">No versions yet.</p></div>
          </section>
          <section class="app-section" id="import" aria-labelledby="import-heading">
            <h2 class="govuk-heading-l" id="import-heading">Import sessions from your learning system</h2>
            <p class="govuk-body">Choose a CSV export with a header row: id, course, start, end, places_left, and venue or online (timezone, status and booking_url if you have them). Preview it first: nothing is imported unless every row is good.</p>
            <div class="govuk-form-group">
              <label class="govuk-label" for="import-file">CSV file</label>
              <input class="govuk-file-upload" id="import-file" type="file" accept=".csv,text/csv">
            </div>
            <div class="govuk-button-group">
              <button type="button" class="govuk-button govuk-button--secondary" id="import-preview">Preview</button>
              <button type="button" class="govuk-button" id="import-run" hidden>Import</button>
            </div>
            <div id="import-body" aria-live="polite"></div>
          </section>
        </div>
        <noscript><p class="govuk-body">The Training catalogue page needs JavaScript. Turn it on in your browser, or ask your IT team.</p></noscript>
      </div>`;
  const scripts = [
    ...(o.inTeams ? [`${ASSET_BASE}/teams-js.min.js`] : []),
    ...['dashboardDom.js', 'dashboardTheme.js', 'dashboardAuth.js', 'dashboardCatalogue.js'].map((f) => `${ASSET_BASE}/${f}`),
  ];
  return renderDashboardLayout({
    botName: o.botName,
    title: 'Training catalogue',
    nonce: o.nonce,
    theme: o.theme,
    inTeams: o.inTeams,
    version: o.version,
    main,
    scripts,
  });
}
