/*
 * The Training catalogue page for content editors: lists courses and sessions, edits one in a form
 * with the same checks as kb:check, approves another editor's draft, shows versions with what
 * changed and a restore button, and previews then imports a learning system's CSV export of
 * sessions. Everything from the server is put on the page as text, never as HTML.
 */
(function () {
  'use strict';

  const Dashboard = window.Dashboard;
  const root = document.getElementById('catalogue-editor');
  if (!root || !Dashboard) return;
  const { el, table, dateTime, tag } = Dashboard.dom;
  const mode = root.getAttribute('data-auth');
  const $ = (id) => document.getElementById(id);

  /** Each form's fields: the ones written one a line, and the plain ones. */
  const FORMS = {
    course: {
      lists: ['sectors', 'roles', 'common_core', 'acronyms', 'aliases', 'tags', 'related_entries'],
      texts: ['title', 'summary', 'provider', 'contact', 'booking_url', 'level', 'delivery', 'duration'],
    },
    session: { lists: [], texts: ['course', 'start', 'end', 'timezone', 'venue', 'places_left', 'status', 'booking_url'] },
  };
  const PLURAL = { course: 'courses', session: 'sessions' };

  let api;
  /** What the form holds: its kind, id, the version it was read at (the concurrency token), and whether it is new. */
  let editing = null;
  /** The CSV text of the last preview, imported only if that preview had no bad rows. */
  let previewed = null;

  // ---- messages -------------------------------------------------------------------------------

  /** The form group a problem belongs to: the audience's fields are the form's sectors and roles. */
  function locate(p) {
    const name = p.field === 'audience.sectors' ? 'sectors' : p.field === 'audience.roles' ? 'roles' : p.field.split('.')[0];
    const form = editing ? `${editing.kind}-form` : 'course-form';
    const group = document.querySelector(`#${form} [data-field="${CSS.escape(name)}"]`);
    return { group, href: editing ? `#${editing.kind}-${name}` : undefined, text: `${p.field}: ${p.message}` };
  }

  const { clearFieldErrors, showNotice, showFailure, showRefusal } = Dashboard.editor.messages({
    root,
    fieldGroups: '.app-catalogue-form .govuk-form-group',
    locate,
    conflictTitle: 'Someone else changed this',
    refusal: {
      mainId: 'catalogue-main',
      viewerId: 'catalogue-viewer',
      problemId: 'catalogue-problem',
      noAccess: 'You do not have access to the training catalogue',
    },
  });

  function onError(err) {
    if (err && (err.status === 401 || err.status === 403)) showRefusal(err);
    else $('items-body').replaceChildren(el('p', { className: 'govuk-body', text: err && err.message ? err.message : String(err) }));
  }

  // ---- the list -------------------------------------------------------------------------------

  async function loadList() {
    const answer = await api.getJson(`/items?filter=${encodeURIComponent($('catalogue-filter').value)}`);
    const body = $('items-body');
    if (!answer.items.length) {
      body.replaceChildren(el('p', { className: 'govuk-body', text: 'Nothing matches this filter.' }));
      return;
    }
    body.replaceChildren(
      table({
        caption: `${answer.items.length} ${answer.items.length === 1 ? 'item' : 'items'}`,
        head: ['Course or session', 'Kind', 'Starts', 'Places left', 'Status'],
        numeric: [false, false, false, true, false],
        rows: answer.items.map((i) => [
          el('a', {
            className: 'govuk-link',
            href: '#edit',
            'data-kind': i.kind,
            'data-id': i.id,
            text: i.kind === 'course' ? i.title : `${i.title} (${i.id})`,
          }),
          i.kind === 'course' ? 'Course' : 'Session',
          i.start || '',
          i.places_left === undefined ? '' : String(i.places_left),
          el('span', {}, [
            i.status === 'cancelled' ? tag('Cancelled', 'grey') : i.live_version ? tag('Live', 'green') : tag('Not live yet', 'grey'),
            i.has_draft ? ' ' : '',
            i.has_draft ? tag('Draft waiting for approval', 'yellow') : '',
          ]),
        ]),
      }),
    );
    for (const link of body.querySelectorAll('a[data-id]')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openItem(link.getAttribute('data-kind'), link.getAttribute('data-id')).catch(onError);
      });
    }
  }

  // ---- the forms ------------------------------------------------------------------------------

  const input = (kind, name) => $(`${kind}-${name}`);

  function fill(kind, record) {
    const { lists, texts } = FORMS[kind];
    input(kind, 'id').value = record.id || '';
    for (const name of texts) input(kind, name).value = record[name] === undefined || record[name] === null ? '' : String(record[name]);
    for (const name of lists) {
      const value = name === 'sectors' || name === 'roles' ? (record.audience || {})[name] : record[name];
      input(kind, name).value = (value || []).join('\n');
    }
    if (kind === 'session') input(kind, 'online').value = record.online ? 'yes' : 'no';
  }

  /** The form's fields as the API takes them: lists one a line, empty optional fields left out, numbers as numbers. */
  function formFields(kind) {
    const { lists, texts } = FORMS[kind];
    const lines = (name) =>
      input(kind, name)
        .value.split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    const fields = {};
    for (const name of texts) fields[name] = input(kind, name).value;
    for (const name of lists) if (name !== 'sectors' && name !== 'roles') fields[name] = lines(name);
    if (kind === 'course') fields.audience = { sectors: lines('sectors'), roles: lines('roles') };
    if (kind === 'session') {
      fields.online = input(kind, 'online').value === 'yes';
      fields.places_left = /^\d+$/.test(fields.places_left.trim()) ? Number(fields.places_left) : fields.places_left;
      for (const optional of ['venue', 'booking_url']) if (!fields[optional].trim()) fields[optional] = null;
    }
    fields.id = input(kind, 'id').value.trim();
    return fields;
  }

  function openSection(kind, heading, state) {
    $('edit').hidden = false;
    $('course-form').hidden = kind !== 'course';
    $('session-form').hidden = kind !== 'session';
    $('edit-heading').textContent = heading;
    $('edit-state').textContent = state;
    $('edit-messages').replaceChildren();
    clearFieldErrors();
    $('edit-heading').focus();
  }

  /** Loads a course or session into its form with its versions; callers show their notice only after this, so a notice means the form already shows the result. */
  async function openItem(kind, id) {
    const item = await api.getJson(`/${PLURAL[kind]}/${encodeURIComponent(id)}`);
    editing = { kind, id: item.id, version: item.version, isNew: false };
    const draftLine = item.has_draft
      ? ` A draft by ${item.draft_by} (${dateTime(item.draft_at)}) is waiting for another editor's approval.`
      : ' No draft: what you see is live.';
    openSection(kind, `Edit ${kind}: ${item.title}`, `${item.live_version ? `Live version ${item.live_version}.` : 'Not live yet.'}${draftLine}`);
    fill(kind, item.draft || item.live);
    input(kind, 'id').readOnly = true;
    $('edit-approve').hidden = !item.has_draft;
    await loadVersions();
  }

  function openNew(kind) {
    editing = { kind, id: '', version: 0, isNew: true };
    openSection(kind, `New ${kind}`, `A new draft ${kind}. Another content editor must approve it before staff see it.`);
    fill(kind, kind === 'session' ? { timezone: 'Europe/London', status: 'scheduled' } : { level: 'introductory', delivery: 'face-to-face' });
    input(kind, 'id').readOnly = false;
    $('edit-approve').hidden = true;
    $('versions-body').replaceChildren(el('p', { className: 'govuk-body', text: 'No versions yet.' }));
  }

  async function save() {
    const { kind } = editing;
    const fields = formFields(kind);
    try {
      let answer;
      if (editing.isNew) answer = await api.postJson(`/${PLURAL[kind]}`, fields);
      else {
        delete fields.id;
        answer = await api.postJson(`/${PLURAL[kind]}/${encodeURIComponent(editing.id)}`, { ...fields, version: editing.version });
      }
      await openItem(kind, answer.id || editing.id);
      showNotice('Saved as a draft. Another content editor must approve it before it goes live.');
      await loadList();
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      showFailure('draft', err);
    }
  }

  async function approve() {
    try {
      const answer = await api.postJson(`/${PLURAL[editing.kind]}/${encodeURIComponent(editing.id)}/approve`, { version: editing.version });
      await openItem(editing.kind, editing.id);
      showNotice(`Published as version ${answer.live_version}. Staff are offered it in chat straight away.`);
      await loadList();
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      showFailure('approval', err);
    }
  }

  // ---- versions -------------------------------------------------------------------------------

  async function loadVersions() {
    const path = `/${PLURAL[editing.kind]}/${encodeURIComponent(editing.id)}`;
    const answer = await api.getJson(`${path}/versions`);
    Dashboard.editor.showVersions($('versions-body'), answer, async (version) => {
      try {
        const restored = await api.postJson(`${path}/versions/${version}/restore`, { version: editing.version });
        await openItem(editing.kind, editing.id);
        showNotice(restored.message);
        await loadList();
      } catch (err) {
        if (err && err.status === 401) return showRefusal(err);
        showFailure('restore', err);
      }
    });
  }

  // ---- the LMS import -------------------------------------------------------------------------

  const readFile = (file) => (file ? file.text() : Promise.resolve(null));

  /** Shows what an import would do: sessions to add and to change, and every bad row with its line and reason. */
  function showPlan(plan) {
    const parts = [];
    if (plan.problems.length) {
      parts.push(
        el('div', { className: 'govuk-error-summary', role: 'alert', 'data-kind': 'bad-rows' }, [
          el('h3', {
            className: 'govuk-error-summary__title',
            text: `${plan.problems.length} ${plan.problems.length === 1 ? 'row needs' : 'rows need'} fixing; nothing will be imported until every row is good`,
          }),
          el('div', { className: 'govuk-error-summary__body' }, [
            el(
              'ul',
              { className: 'govuk-list govuk-error-summary__list' },
              plan.problems.map((p) => el('li', { text: `${p.field}: ${p.message}` })),
            ),
          ]),
        ]),
      );
    }
    if (plan.add.length)
      parts.push(
        table({
          caption: `${plan.add.length} new ${plan.add.length === 1 ? 'session' : 'sessions'}`,
          head: ['Line', 'Session', 'Course', 'Starts', 'Where', 'Places left'],
          rows: plan.add.map((r) => [String(r.line), r.id, r.course, r.start, r.online ? 'Online' : r.venue, String(r.places_left)]),
        }),
      );
    if (plan.change.length)
      parts.push(
        table({
          caption: `${plan.change.length} changed ${plan.change.length === 1 ? 'session' : 'sessions'}`,
          head: ['Line', 'Session', 'What changes'],
          rows: plan.change.map((r) => [String(r.line), r.id, el('pre', { className: 'app-pre app-diff', text: r.changes.join('\n') })]),
        }),
      );
    parts.push(el('p', { className: 'govuk-body', text: `${plan.unchanged} ${plan.unchanged === 1 ? 'session is' : 'sessions are'} already the same.` }));
    $('import-body').replaceChildren(...parts);
  }

  async function previewImport() {
    const csv = await readFile($('import-file').files[0]);
    previewed = null;
    $('import-run').hidden = true;
    try {
      const plan = await api.postJson('/import/preview', { csv });
      showPlan(plan);
      if (!plan.problems.length && plan.add.length + plan.change.length > 0) {
        previewed = csv;
        $('import-run').hidden = false;
      }
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      $('import-body').replaceChildren(
        el('p', { className: 'govuk-error-message', text: err && err.body && err.body.message ? err.body.message : String(err && err.message) }),
      );
    }
  }

  async function runImport() {
    try {
      const answer = await api.postJson('/import', { csv: previewed });
      $('import-run').hidden = true;
      previewed = null;
      $('import-body').replaceChildren(
        el('div', { className: 'govuk-notification-banner govuk-notification-banner--success', role: 'status', 'data-kind': 'imported' }, [
          el('div', { className: 'govuk-notification-banner__content' }, [
            el('p', {
              className: 'govuk-notification-banner__heading',
              text: `Imported: ${answer.added} new and ${answer.changed} changed sessions are live.`,
            }),
          ]),
        ]),
      );
      await loadList();
    } catch (err) {
      if (err && err.status === 401) return showRefusal(err);
      if (err && err.status === 422 && err.body && Array.isArray(err.body.problems))
        showPlan({ add: [], change: [], unchanged: 0, problems: err.body.problems });
      else $('import-body').replaceChildren(el('p', { className: 'govuk-error-message', text: String(err && err.message) }));
    }
  }

  async function start() {
    try {
      api = await Dashboard.auth.start(mode, root.getAttribute('data-api'));
      const me = await api.getJson('/me');
      $('catalogue-viewer').textContent = me.via === 'teams' ? `Signed in with Teams as ${me.name}.` : `Signed in as ${me.name}.`;
    } catch (err) {
      showRefusal(err && err.status ? err : { status: 401, message: err && err.message ? err.message : String(err) });
      return;
    }
    $('catalogue-main').hidden = false;
    $('catalogue-filter').addEventListener('change', () => loadList().catch(onError));
    $('new-course').addEventListener('click', () => openNew('course'));
    $('new-session').addEventListener('click', () => openNew('session'));
    $('edit-save').addEventListener('click', () => save());
    $('edit-approve').addEventListener('click', () => approve());
    $('import-preview').addEventListener('click', () => previewImport());
    $('import-run').addEventListener('click', () => runImport());
    await loadList().catch(onError);
    root.setAttribute('data-state', 'loaded');
  }

  start();
})();
