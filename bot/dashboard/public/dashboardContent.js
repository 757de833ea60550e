/*
 * The Content page for content editors: lists the knowledge entries (filters for passed review
 * dates, "not helpful" votes and drafts), edits one in a form with the same checks as kb:check,
 * previews its answer card by rendering the very Adaptive Card JSON the bot sends (Microsoft's
 * renderer, Markdown by markdown-it as Web Chat does), asks the draft or live knowledge base, approves
 * another editor's draft, and shows versions with what changed and a restore button. Everything from
 * the server is put on the page as text, never as HTML.
 */
(function () {
  'use strict';

  const Dashboard = window.Dashboard;
  const root = document.getElementById('content-editor');
  if (!root || !Dashboard) return;
  const { el, table, dateTime, tag } = Dashboard.dom;
  const mode = root.getAttribute('data-auth');
  const $ = (id) => document.getElementById(id);

  const LIST_FIELDS = ['acronyms', 'aliases', 'questions', 'tags', 'related'];
  const TEXT_FIELDS = ['title', 'kind', 'summary', 'body', 'source', 'authority', 'owner', 'review_by', 'status', 'status_note'];
  const KIND_LABELS = { glossary: 'Glossary', 'common-core': 'Common Core', framework: 'Framework', strategy: 'Strategy' };
  const STATUS_LABELS = { current: 'Current', historical: 'Historical', closed: 'Closed', replaced: 'Replaced' };

  let api;
  /** The entry in the form: its id, the version it was read at (the concurrency token), and whether it is new. */
  let editing = null;

  // ---- messages -------------------------------------------------------------------------------

  const { clearFieldErrors, showProblems, showNotice, showFailure, showRefusal } = Dashboard.editor.messages({
    root,
    fieldGroups: '#edit-form .govuk-form-group',
    locate: (p) => ({ group: document.querySelector(`#edit-form [data-field="${CSS.escape(p.field)}"]`), href: `#f-${p.field}`, text: p.message }),
    conflictTitle: 'Someone else changed this entry',
    refusal: { mainId: 'content-main', viewerId: 'content-viewer', problemId: 'content-problem', noAccess: 'You do not have access to content editing' },
  });

  // ---- the list -------------------------------------------------------------------------------

  function statusCell(entry) {
    const tags = [tag(STATUS_LABELS[entry.status] || entry.status, entry.status === 'current' ? 'green' : 'grey')];
    if (entry.has_draft) tags.push(' ', tag('Draft waiting for approval', 'yellow'));
    if (entry.overdue) tags.push(' ', tag('Review overdue', 'red'));
    return el('span', {}, tags);
  }

  async function loadList() {
    const filter = $('content-filter').value;
    const answer = await api.getJson(`/entries?filter=${encodeURIComponent(filter)}`);
    const body = $('entries-body');
    if (!answer.entries.length) {
      body.replaceChildren(el('p', { className: 'govuk-body', text: 'No entries match this filter.' }));
      return;
    }
    body.replaceChildren(
      table({
        caption: `${answer.entries.length} ${answer.entries.length === 1 ? 'entry' : 'entries'}`,
        head: ['Entry', 'Kind', 'Authority', 'Owner', 'Review by', 'Status', 'Not helpful'],
        numeric: [false, false, false, false, false, false, true],
        rows: answer.entries.map((e) => [
          el('a', { className: 'govuk-link', href: `#edit`, 'data-entry': e.id, text: e.title }),
          KIND_LABELS[e.kind] || e.kind,
          e.authority,
          e.owner,
          e.review_by,
          statusCell(e),
          String(e.not_helpful),
        ]),
      }),
    );
    for (const link of body.querySelectorAll('a[data-entry]')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openEntry(link.getAttribute('data-entry')).catch(onError);
      });
    }
  }

  // ---- the form -------------------------------------------------------------------------------

  function fill(fields) {
    $('f-id').value = fields.id || '';
    for (const name of TEXT_FIELDS) $(`f-${name}`).value = fields[name] === undefined || fields[name] === null ? '' : String(fields[name]);
    for (const name of LIST_FIELDS) $(`f-${name}`).value = (fields[name] || []).join('\n');
  }

  /** The form's fields as the API takes them: lists one a line, an empty status note cleared. */
  function formFields() {
    const fields = {};
    for (const name of TEXT_FIELDS) fields[name] = $(`f-${name}`).value;
    for (const name of LIST_FIELDS)
      fields[name] = $(`f-${name}`)
        .value.split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    if (!fields.status_note.trim()) fields.status_note = null;
    fields.id = $('f-id').value.trim();
    return fields;
  }

  function openSection(heading, state) {
    $('edit').hidden = false;
    $('edit-heading').textContent = heading;
    $('edit-state').textContent = state;
    $('preview-body').replaceChildren(el('p', { className: 'govuk-body', text: 'Choose Preview to see the card.' }));
    $('edit-messages').replaceChildren();
    clearFieldErrors();
    $('edit-heading').focus();
  }

  /** Loads an entry into the form and its versions; callers show their notice only after this, so a notice means the form already shows the result. */
  async function openEntry(id) {
    const record = await api.getJson(`/entries/${encodeURIComponent(id)}`);
    editing = { id: record.id, version: record.version, isNew: false, hasDraft: record.has_draft };
    const draftLine = record.has_draft
      ? ` A draft by ${record.draft_by} (${dateTime(record.draft_at)}) is waiting for another editor's approval.`
      : ' No draft: what you see is live.';
    openSection(
      `Edit: ${(record.draft || record.live).title}`,
      `${record.live_version ? `Live version ${record.live_version}.` : 'Not live yet.'}${draftLine}`,
    );
    fill(record.draft || record.live);
    $('f-id').readOnly = true;
    $('edit-approve').hidden = !record.has_draft;
    await loadVersions();
  }

  async function openNew(question) {
    const answer = await api.getJson(`/new?question=${encodeURIComponent(question || '')}`);
    editing = { id: '', version: 0, isNew: true, hasDraft: false };
    openSection(
      'New entry',
      question
        ? `A new draft for the question "${question}". Another content editor must approve it before staff see it.`
        : 'A new draft. Another content editor must approve it before staff see it.',
    );
    fill(answer.draft);
    $('f-id').readOnly = false;
    $('edit-approve').hidden = true;
    $('versions-body').replaceChildren(el('p', { className: 'govuk-body', text: 'No versions yet.' }));
  }

  async function save(event) {
    event.preventDefault();
    const fields = formFields();
    try {
      let answer;
      if (editing.isNew) answer = await api.postJson('/entries', fields);
      else {
        delete fields.id;
        answer = await api.postJson(`/entries/${encodeURIComponent(editing.id)}`, { ...fields, version: editing.version });
      }
      await openEntry(answer.id || editing.id);
      showNotice('Saved as a draft. Another content editor must approve it before it goes live.', answer.warnings);
      await Promise.all([loadList(), preview()]);
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      showFailure('draft', err);
    }
  }

  async function approve() {
    try {
      const answer = await api.postJson(`/entries/${encodeURIComponent(editing.id)}/approve`, { version: editing.version });
      await openEntry(editing.id);
      showNotice(`Published as version ${answer.live_version}. Staff get the new answer in chat within seconds.`);
      await loadList();
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      showFailure('approval', err);
    }
  }

  // ---- the preview ----------------------------------------------------------------------------

  const markdown = window.markdownit ? window.markdownit({ html: false, linkify: true, breaks: false }) : null;

  /** Renders an Adaptive Card's JSON with Microsoft's renderer; Markdown as Web Chat renders it (markdown-it, no raw HTML). */
  function renderCard(json) {
    const AC = window.AdaptiveCards;
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      if (!markdown) return;
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
    const card = new AC.AdaptiveCard();
    // Headings in the card sit under the pane's own h4.
    card.hostConfig = new AC.HostConfig({
      fontFamily: 'Segoe UI, Helvetica Neue, Arial, sans-serif',
      supportsInteractivity: true,
      textBlock: { headingLevel: 5 },
    });
    card.onExecuteAction = () => undefined;
    card.parse(json);
    return card.render();
  }

  async function preview() {
    let answer;
    try {
      answer = await api.postJson('/preview', formFields());
    } catch (err) {
      showFailure('preview', err);
      return;
    }
    if (!answer.ok) {
      $('preview-body').replaceChildren(el('p', { className: 'govuk-body', text: 'The card cannot be shown until the problems above are fixed.' }));
      showProblems(`The preview needs ${answer.problems.length === 1 ? 'one fix' : `${answer.problems.length} fixes`}`, answer.problems);
      return;
    }
    const panes = [
      ['In Microsoft Teams', answer.teams, 'teams'],
      ['In the intranet web chat', answer.webchat, 'webchat'],
    ].map(([label, json, channel]) =>
      el('div', { className: 'app-preview__pane', 'data-channel': channel }, [
        el('h4', { className: 'govuk-heading-s', text: label }),
        el('div', { className: 'app-preview__card' }, [renderCard(json)]),
      ]),
    );
    $('preview-body').replaceChildren(
      ...panes,
      el('details', { className: 'govuk-details' }, [
        el('summary', { className: 'govuk-details__summary' }, [
          el('span', { className: 'govuk-details__summary-text', text: 'Text for screen readers and notifications' }),
        ]),
        el('pre', { className: 'app-pre', text: answer.text }),
      ]),
    );
    if (answer.warnings.length) showNotice('The entry passes the checks, with warnings.', answer.warnings);
  }

  // ---- versions -------------------------------------------------------------------------------

  async function loadVersions() {
    const answer = await api.getJson(`/entries/${encodeURIComponent(editing.id)}/versions`);
    Dashboard.editor.showVersions($('versions-body'), answer, restore);
  }

  async function restore(version) {
    try {
      const answer = await api.postJson(`/entries/${encodeURIComponent(editing.id)}/versions/${version}/restore`, { version: editing.version });
      await openEntry(editing.id);
      showNotice(answer.message);
      await loadList();
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      showFailure('restore', err);
    }
  }

  // ---- the test pane --------------------------------------------------------------------------

  async function ask(event) {
    event.preventDefault();
    const q = $('ask-q').value;
    const out = $('ask-body');
    try {
      const answer = await api.postJson('/ask', { q, draft: $('ask-kb').value === 'draft' });
      const kb = answer.knowledge === 'draft' ? 'with drafts' : 'live';
      const verdict = answer.answered
        ? el('p', { className: 'govuk-body', 'data-kind': 'winner' }, [
            `Answered (${kb}) with `,
            el('strong', { text: answer.title }),
            ` (${answer.id}), score ${answer.score.toFixed(3)}.`,
          ])
        : el('p', {
            className: 'govuk-body',
            'data-kind': 'winner',
            text: answer.urgent
              ? 'This reads as a worry about a child: the bot shows the safeguarding contacts, not an answer.'
              : `Not answered (${kb}); score ${answer.score.toFixed(3)}. The bot says: ${answer.text}`,
          });
      const parts = [verdict];
      if (answer.suggestions.length)
        parts.push(
          el('p', { className: 'govuk-body', text: 'Did you mean:' }),
          el(
            'ul',
            { className: 'govuk-list govuk-list--bullet' },
            answer.suggestions.map((s) => el('li', { text: `${s.title} (${s.id})` })),
          ),
        );
      if (answer.candidates.length)
        parts.push(
          table({
            caption: 'Entries that competed, best first',
            head: ['Entry', 'Id', 'Confidence'],
            numeric: [false, false, true],
            rows: answer.candidates.map((c) => [c.title, c.id, c.confidence.toFixed(3)]),
          }),
        );
      out.replaceChildren(...parts);
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      const problems = err && err.body && Array.isArray(err.body.problems) ? err.body.problems.map((p) => p.message).join('; ') : err.message;
      out.replaceChildren(el('p', { className: 'govuk-error-message', text: problems }));
    }
  }

  function onError(err) {
    if (err && (err.status === 401 || err.status === 403)) showRefusal(err);
    else $('entries-body').replaceChildren(el('p', { className: 'govuk-body', text: err && err.message ? err.message : String(err) }));
  }

  async function start() {
    try {
      api = await Dashboard.auth.start(mode, root.getAttribute('data-api'));
      const me = await api.getJson('/me');
      $('content-viewer').textContent = me.via === 'teams' ? `Signed in with Teams as ${me.name}.` : `Signed in as ${me.name}.`;
    } catch (err) {
      showRefusal(err && err.status ? err : { status: 401, message: err && err.message ? err.message : String(err) });
      return;
    }
    $('content-main').hidden = false;
    $('content-filter').addEventListener('change', () => loadList().catch(onError));
    $('content-new').addEventListener('click', () => openNew('').catch(onError));
    $('edit-form').addEventListener('submit', save);
    $('edit-preview').addEventListener('click', () => preview());
    $('edit-approve').addEventListener('click', () => approve());
    $('ask-form').addEventListener('submit', ask);
    await loadList().catch(onError);
    // "Write an answer for this question" on the content gap report opens a new draft with the question in it.
    const question = new URLSearchParams(window.location.search).get('question');
    if (question) await openNew(question).catch(onError);
    root.setAttribute('data-state', 'loaded');
  }

  start();
})();
