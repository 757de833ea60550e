/*
 * What the two editor pages (Content and Training catalogue) share: the GOV.UK error summary with
 * messages beside the fields, the success banner, what a refused save says, the "no access" panel,
 * and the table of published versions with their restore buttons. Text only, never HTML.
 */
(function () {
  'use strict';

  const Dashboard = window.Dashboard;
  if (!Dashboard || !Dashboard.dom) return;
  const { el, table, dateTime } = Dashboard.dom;
  const $ = (id) => document.getElementById(id);

  /**
   * The messages of one editor page. `fieldGroups` selects the form groups to clear; `locate(problem)`
   * gives the group a problem belongs to, the link to its field and the text to list; `refusal` names
   * the page's elements and what it says to someone without access.
   */
  function messages(options) {
    const { root, fieldGroups, locate, conflictTitle, refusal } = options;

    /** Clears the per-field error messages and the red borders. */
    function clearFieldErrors() {
      for (const group of document.querySelectorAll(fieldGroups)) {
        group.classList.remove('govuk-form-group--error');
        const message = group.querySelector('.govuk-error-message');
        if (message) {
          message.hidden = true;
          message.textContent = '';
        }
      }
    }

    /** A GOV.UK error summary listing every problem, each linking to its field, and the messages beside the fields. */
    function showProblems(title, problems) {
      clearFieldErrors();
      const items = problems.map((p) => {
        const { group, href, text } = locate(p);
        if (group) {
          group.classList.add('govuk-form-group--error');
          const message = group.querySelector('.govuk-error-message');
          message.hidden = false;
          message.replaceChildren(el('span', { className: 'govuk-visually-hidden', text: 'Error: ' }), document.createTextNode(p.message));
        }
        return el('li', {}, [group ? el('a', { href, text }) : p.message]);
      });
      const summary = el('div', { className: 'govuk-error-summary', tabindex: '-1', 'data-kind': 'problems' }, [
        el('div', { role: 'alert' }, [
          el('h3', { className: 'govuk-error-summary__title', text: title }),
          el('div', { className: 'govuk-error-summary__body' }, [el('ul', { className: 'govuk-list govuk-error-summary__list' }, items)]),
        ]),
      ]);
      $('edit-messages').replaceChildren(summary);
      summary.focus();
    }

    /** A success or information banner, with any kb:check warnings under it. */
    function showNotice(text, warnings) {
      clearFieldErrors();
      const parts = [
        el('div', { className: 'govuk-notification-banner govuk-notification-banner--success', role: 'status', 'data-kind': 'notice' }, [
          el('div', { className: 'govuk-notification-banner__content' }, [el('p', { className: 'govuk-notification-banner__heading', text })]),
        ]),
      ];
      if (warnings && warnings.length)
        parts.push(
          el('div', { className: 'govuk-warning-text', 'data-kind': 'warnings' }, [
            el('strong', { className: 'govuk-warning-text__text' }, [
              el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
              ...warnings.map((w) => el('span', { className: 'app-block', text: w })),
            ]),
          ]),
        );
      $('edit-messages').replaceChildren(...parts);
    }

    /** What a refused save, approval or restore says: every problem for 422, the server's message otherwise (a conflict names who changed it). */
    function showFailure(what, err) {
      const body = (err && err.body) || {};
      if (err && err.status === 422 && Array.isArray(body.problems))
        showProblems(`The ${what} was not saved: fix ${body.problems.length === 1 ? 'this problem' : `these ${body.problems.length} problems`}`, body.problems);
      else if (err && err.status === 409 && body.error === 'Conflict') showProblems(conflictTitle, [{ field: 'conflict', message: body.message }]);
      else showProblems(`The ${what} did not work`, [{ field: 'request', message: err && err.message ? err.message : String(err) }]);
    }

    /** Replaces the page with why it cannot be used: not signed in (with a way to sign in, outside Teams) or without access. */
    function showRefusal(err) {
      const main = $(refusal.mainId);
      if (main) main.remove();
      $(refusal.viewerId).textContent = err.status === 403 ? 'Signed in, without access.' : 'Not signed in.';
      const heading = el('h2', { className: 'govuk-heading-l', tabindex: '-1', text: err.status === 403 ? refusal.noAccess : 'You are not signed in' });
      const action =
        err.status === 401 && root.getAttribute('data-auth') !== 'teams'
          ? el('a', { className: 'govuk-button', href: root.getAttribute('data-sign-in'), role: 'button', text: 'Sign in' })
          : null;
      const problem = $(refusal.problemId);
      problem.className = 'app-problem';
      problem.replaceChildren(...[heading, el('p', { className: 'govuk-body', text: err.message }), action].filter(Boolean));
      problem.hidden = false;
      root.setAttribute('data-state', 'refused');
      heading.focus();
    }

    return { clearFieldErrors, showProblems, showNotice, showFailure, showRefusal };
  }

  /** Fills `container` with every published version, newest first, each but the live one with a button calling `onRestore(version)`. */
  function showVersions(container, answer, onRestore) {
    if (!answer.versions.length) {
      container.replaceChildren(el('p', { className: 'govuk-body', text: 'Not published yet.' }));
      return;
    }
    container.replaceChildren(
      table({
        caption: 'Every published version, newest first',
        head: ['Version', 'Published', 'Written by', 'Approved by', 'What changed', 'Restore'],
        rows: answer.versions.map((v) => [
          String(v.version) + (v.version === answer.live_version ? ' (live)' : ''),
          dateTime(v.published_at),
          v.author,
          v.approver,
          el('pre', { className: 'app-pre app-diff', text: v.diff }),
          v.version === answer.live_version
            ? ''
            : el('button', { type: 'button', className: 'govuk-button govuk-button--secondary app-table-button', 'data-restore': String(v.version) }, [
                `Restore version ${v.version}`,
              ]),
        ]),
      }),
    );
    for (const button of container.querySelectorAll('button[data-restore]'))
      button.addEventListener('click', () => onRestore(Number(button.getAttribute('data-restore'))));
  }

  Dashboard.editor = { messages, showVersions };
})();
