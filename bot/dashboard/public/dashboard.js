/*
 * Starts the dashboard: signs in (Teams SSO or the browser session), asks the server who the viewer
 * is, then fills the Pulses, Briefings and Content gaps sections. A 401 or 403 removes the sections
 * and says why and what to do, so someone without the role never sees a figure.
 */
(function () {
  'use strict';

  const Dashboard = window.Dashboard;
  const root = document.getElementById('dashboard');
  if (!root || !Dashboard) return;
  const { el } = Dashboard.dom;
  const mode = root.getAttribute('data-auth');
  const viewer = document.getElementById('dashboard-viewer');
  const problemBox = document.getElementById('dashboard-problem');
  let content = document.getElementById('dashboard-content');

  const HEADINGS = {
    401: 'You are not signed in',
    403: 'You do not have access to the dashboard',
  };

  /** What to do next: sign in again in a browser, reload the tab in Teams; for a 403 the server's message already says. */
  function nextStep(status) {
    if (status === 403) return null;
    if (mode === 'teams') return el('p', { className: 'govuk-body', text: 'Reload the tab to try again.' });
    return el('a', { className: 'govuk-button', href: root.getAttribute('data-sign-in'), role: 'button', draggable: 'false', text: 'Sign in' });
  }

  /** Replaces the sections with a refusal (401, 403, or Teams not answering): nothing already shown stays on screen. */
  function showRefusal(heading, message, action) {
    if (content) {
      content.remove();
      content = null;
      Dashboard.charts.prune();
    }
    viewer.textContent = heading === HEADINGS[403] ? 'Signed in, without access.' : 'Not signed in.';
    const title = el('h2', { className: 'govuk-heading-l', tabindex: '-1', text: heading });
    problemBox.className = 'app-problem';
    problemBox.replaceChildren(...[title, el('p', { className: 'govuk-body', text: message }), action].filter(Boolean));
    problemBox.hidden = false;
    root.setAttribute('data-state', 'refused');
    title.focus();
  }

  /** A passing problem (offline, server busy): said above the sections, which stay and keep refreshing. */
  function showNotice(message) {
    problemBox.className = 'govuk-inset-text';
    problemBox.setAttribute('role', 'status');
    problemBox.textContent = message;
    problemBox.hidden = false;
  }

  function onProblem(err) {
    if (err && (err.status === 401 || err.status === 403)) showRefusal(HEADINGS[err.status], err.message, nextStep(err.status));
    else showNotice(err && err.message ? err.message : String(err));
  }

  async function start() {
    let connection;
    try {
      connection = await Dashboard.auth.start(mode, root.getAttribute('data-api'));
    } catch (err) {
      const browserLink = el('p', { className: 'govuk-body' }, [
        'Open the Dashboard tab in Microsoft Teams, or ',
        el('a', { className: 'govuk-link', href: '/dashboard', text: 'sign in from a browser' }),
        '.',
      ]);
      showRefusal('This page could not connect to Microsoft Teams', `${err && err.message ? err.message : err}.`, browserLink);
      return;
    }
    let me;
    try {
      me = await connection.getJson('/me');
    } catch (err) {
      onProblem(err);
      return;
    }
    const role = me.admin ? 'admin' : 'communications team';
    viewer.textContent = me.via === 'teams' ? `Signed in with Teams as ${me.name} (${role}).` : `Signed in as ${me.name}.`;
    content.hidden = false;
    const get = connection.getJson;
    const hints = emptyHints(me);
    await Promise.all(
      [
        Dashboard.pulses.start(get, Number(root.getAttribute('data-pulse-refresh')), onProblem, hints.pulses),
        Dashboard.briefings.start(get, onProblem, hints.briefings),
        Dashboard.gaps.start(get, Number(root.getAttribute('data-gap-days'))),
        Dashboard.authoring.start(connection, me),
      ].map((p) => p.catch(onProblem)),
    );
    if (content) root.setAttribute('data-state', 'loaded');
  }

  /**
   * What an empty section suggests, by what this viewer can do: in Teams a comms user or admin says
   * "new briefing" or "new pulse" to the bot; someone signed in here with the admin token is not a
   * Teams user, so they are pointed at the admin API or the communications team instead.
   */
  function emptyHints(me) {
    if (me.via === 'teams') {
      return {
        briefings: 'No briefings yet. To send one, say "new briefing" in your personal chat with the bot in Teams.',
        pulses: 'There are no pulses you can see yet. To start one, say "new pulse" in your personal chat with the bot in Teams.',
      };
    }
    return {
      briefings:
        'No briefings yet. The communications team sends them by saying "new briefing" to the bot in Teams; with the admin token you can also send one through the admin API (POST /api/briefings, see the README).',
      pulses:
        'There are no pulses yet. The communications team starts them by saying "new pulse" to the bot in Teams; with the admin token you can also start one through the admin API (POST /api/surveys, see the README).',
    };
  }

  start();
})();
