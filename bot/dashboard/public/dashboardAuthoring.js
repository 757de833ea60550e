/*
 * The "Write a briefing or start a pulse" section: a GOV.UK form with the audience picker and a
 * live count of who it reaches, a preview drawn by the Adaptive Cards renderer from the card JSON
 * the bot sends (with its text fallback), "send a test to me", scheduling in UK time and a confirm
 * step. The server checks everything with the chat's and the API's validators; every value typed
 * here is put on the page as text, never as HTML.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const { el } = Dashboard.dom;

  /** How long typing must pause before the count is asked for again. */
  const COUNT_DELAY_MS = 400;

  /** The API's field names and the ids of the inputs they belong to, for the error summary's links. */
  const FIELD_INPUT = {
    title: 'authoring-title',
    summary: 'authoring-summary',
    body: 'authoring-text',
    link: 'authoring-link',
    publish_at: 'authoring-date',
    opens_at: 'authoring-date',
    expires_at: 'authoring-expiry-date',
    template: 'authoring-template',
    name: 'authoring-name',
    closes_at: 'authoring-closes-date',
    reminder_days: 'authoring-reminders',
    anonymity_threshold: 'authoring-threshold',
    audience: 'authoring-everyone',
    to: 'authoring-test-to',
  };

  const field = (id, label, input, hint) =>
    el('div', { className: 'govuk-form-group', 'data-field': id }, [
      el('label', { className: 'govuk-label govuk-label--s', for: id, text: label }),
      hint ? el('div', { className: 'govuk-hint', id: `${id}-hint`, text: hint }) : null,
      input,
    ]);
  const textInput = (id, extra) => el('input', { className: 'govuk-input', id, name: id, type: 'text', ...(extra || {}) });
  const textArea = (id, rows) => el('textarea', { className: 'govuk-textarea', id, name: id, rows: String(rows) });
  const checkbox = (name, value, label, id) =>
    el('div', { className: 'govuk-checkboxes__item' }, [
      el('input', { className: 'govuk-checkboxes__input', id, name, type: 'checkbox', value }),
      el('label', { className: 'govuk-label govuk-checkboxes__label', for: id, text: label }),
    ]);
  const checkboxes = (legend, name, options) =>
    el('fieldset', { className: 'govuk-fieldset govuk-!-margin-bottom-4' }, [
      el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: legend }),
      el(
        'div',
        { className: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        options.map((o, i) => checkbox(name, o.id, o.label, `authoring-${name}-${i}`)),
      ),
    ]);
  const radio = (name, value, label, id, checked) =>
    el('div', { className: 'govuk-radios__item' }, [
      el('input', { className: 'govuk-radios__input', id, name, type: 'radio', value, checked }),
      el('label', { className: 'govuk-label govuk-radios__label', for: id, text: label }),
    ]);
  const button = (text, id, secondary) =>
    el('button', { type: 'button', className: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, id, 'data-module': 'govuk-button', text });
  const dateTimeFields = (prefix, legend, hint) =>
    el('fieldset', { className: 'govuk-fieldset govuk-!-margin-bottom-4', 'aria-describedby': `${prefix}-hint` }, [
      el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: legend }),
      el('div', { className: 'govuk-hint', id: `${prefix}-hint`, text: hint }),
      field(`${prefix}-date`, 'Date', el('input', { className: 'govuk-input govuk-input--width-10', id: `${prefix}-date`, type: 'date' })),
      field(`${prefix}-time`, 'Time', el('input', { className: 'govuk-input govuk-input--width-5', id: `${prefix}-time`, type: 'time' })),
    ]);

  /** The values of the checked boxes called `name`. */
  const checked = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  /** A comma-separated list typed in a box. */
  const listOf = (value) =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  /** "YYYY-MM-DDTHH:mm" from a date and a time box (UK wall-clock time; the server reads it in Europe/London), or undefined. */
  const londonTime = (form, prefix) => {
    const date = form.querySelector(`#${prefix}-date`).value;
    const time = form.querySelector(`#${prefix}-time`).value;
    return date ? `${date}T${time || '09:00'}` : undefined;
  };

  function buildForm(options, me) {
    // One box per channel read from each team (General first); the value carries the team and the channel.
    const teamChannels = options.teams.flatMap((t) =>
      (t.channels && t.channels.length ? t.channels : [{ id: t.id, name: 'General' }]).map((c) => ({
        id: `${t.id}|${c.id}`,
        label: `${t.name}: ${c.name} channel`,
      })),
    );
    const form = el('form', { id: 'authoring-form', novalidate: true }, [
      el('div', { id: 'authoring-errors' }),
      el('fieldset', { className: 'govuk-fieldset govuk-!-margin-bottom-6' }, [
        el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--m', text: 'What do you want to send?' }),
        el('div', { className: 'govuk-radios govuk-radios--inline' }, [
          radio('kind', 'briefing', 'A briefing', 'authoring-kind-briefing', true),
          radio('kind', 'pulse', 'A pulse survey', 'authoring-kind-pulse', false),
        ]),
      ]),
      el('div', { id: 'authoring-briefing-fields' }, [
        field('authoring-title', 'Title', textInput('authoring-title', { maxlength: '120' })),
        field('authoring-summary', 'Summary', textArea('authoring-summary', 3), 'Shown on the card. Up to 300 characters.'),
        field(
          'authoring-text',
          'Full text (optional)',
          textArea('authoring-text', 6),
          'Staff open it with "Read more". Markdown links must start with https://.',
        ),
        field('authoring-link', 'Link (optional)', textInput('authoring-link', { type: 'url', spellcheck: 'false' }), 'A full address starting with https://'),
        checkboxes('Topics (optional)', 'topics', options.topics),
        el('div', { className: 'govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4' }, [
          checkbox('urgent', 'yes', 'Urgent (sent first, also outside working hours)', 'authoring-urgent'),
        ]),
        dateTimeFields('authoring-expiry', 'Stop showing it after (optional)', 'UK time. Leave empty to keep it.'),
      ]),
      el('div', { id: 'authoring-pulse-fields', hidden: true }, [
        field(
          'authoring-template',
          'Questions',
          el(
            'select',
            { className: 'govuk-select', id: 'authoring-template' },
            options.templates.map((t) => el('option', { value: t.id, text: `${t.title} (${t.questions.length} questions)` })),
          ),
          'Pulses use the approved question sets.',
        ),
        el('ol', { className: 'govuk-list govuk-list--number govuk-body-s', id: 'authoring-questions' }),
        field('authoring-name', 'Name (optional)', textInput('authoring-name', { maxlength: '120' }), 'Leave empty to use the question set and the month.'),
        dateTimeFields('authoring-closes', 'Closes', 'UK time. At least an hour after it opens, within 90 days.'),
        field('authoring-reminders', 'Reminder days (optional)', textInput('authoring-reminders'), 'Dates written YYYY-MM-DD, separated by commas.'),
        field(
          'authoring-threshold',
          'Minimum group size',
          el('input', { className: 'govuk-input govuk-input--width-3', id: 'authoring-threshold', type: 'number', value: String(options.defaultThreshold) }),
          'No figure about fewer people than this is ever shown (3 to 25).',
        ),
      ]),
      el('fieldset', { className: 'govuk-fieldset govuk-!-margin-bottom-6', id: 'authoring-audience' }, [
        el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--m', text: 'Who is it for?' }),
        el('div', { className: 'govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4' }, [
          checkbox('everyone', 'yes', 'Everyone the bot can reach', 'authoring-everyone'),
        ]),
        teamChannels.length
          ? el('div', { id: 'authoring-channels' }, [checkboxes('Team channels (briefings only: one card per channel)', 'channels', teamChannels)])
          : null,
        // Entra groups appear here once the directory is connected (the server lists them in options.groups).
        options.groups && options.groups.length
          ? checkboxes(
              'Entra groups',
              'groups',
              options.groups.map((g) => ({ id: g.id, label: g.name })),
            )
          : null,
        el('p', { className: 'govuk-body govuk-!-font-weight-bold', text: 'Or only people who match every filter you choose:' }),
        checkboxes('Sector', 'sectors', options.sectors),
        el('details', { className: 'govuk-details' }, [
          el('summary', { className: 'govuk-details__summary' }, [el('span', { className: 'govuk-details__summary-text', text: 'Role' })]),
          el('div', { className: 'govuk-details__text' }, [checkboxes('Role', 'roles', options.roles)]),
        ]),
        checkboxes('Authority', 'authorities', options.authorities),
        field('authoring-localities', 'Localities (optional)', textInput('authoring-localities'), 'Separated by commas, as staff wrote them in "my settings".'),
        field('authoring-teams', 'Teams (optional)', textInput('authoring-teams'), 'Team names, separated by commas.'),
      ]),
      el('div', { className: 'app-count govuk-inset-text', id: 'authoring-count', role: 'status', 'aria-live': 'polite' }, [
        'Choose who it is for to see how many people it reaches.',
      ]),
      el('fieldset', { className: 'govuk-fieldset govuk-!-margin-bottom-6' }, [
        el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--m', text: 'When?' }),
        el('div', { className: 'govuk-radios govuk-radios--inline' }, [
          radio('when', 'now', 'Now', 'authoring-when-now', true),
          radio('when', 'later', 'At a time I choose', 'authoring-when-later', false),
        ]),
        el('div', { id: 'authoring-when-fields', hidden: true }, [
          dateTimeFields('authoring', 'Send at', `UK time (Europe/London). It is now ${options.now.replace('T', ' ')}.`),
        ]),
      ]),
      me.via === 'teams'
        ? null
        : field(
            'authoring-test-to',
            'Send the test to',
            textInput('authoring-test-to', { spellcheck: 'false' }),
            'You signed in with the admin token, so give your Entra object id (or Teams user id).',
          ),
      el('div', { className: 'govuk-button-group' }, [button('Preview', 'authoring-preview'), button('Send a test to me', 'authoring-test', true)]),
      el('div', { id: 'authoring-message', role: 'status', 'aria-live': 'polite' }),
      el('div', { id: 'authoring-preview-box', hidden: true }),
      el('div', { id: 'authoring-confirm', hidden: true }),
    ]);
    return form;
  }

  /** The audience filter the picker describes (the API's own field names). */
  function audienceOf(form, kind) {
    const audience = {};
    if (checked(form, 'everyone').length) audience.everyone = true;
    for (const name of ['sectors', 'roles', 'authorities', 'groups']) {
      const values = checked(form, name);
      if (values.length) audience[name] = values;
    }
    const localities = listOf(form.querySelector('#authoring-localities').value);
    if (localities.length) audience.localities = localities;
    const teams = listOf(form.querySelector('#authoring-teams').value);
    if (teams.length) audience.teams = teams;
    const channels = kind === 'briefing' ? checked(form, 'channels') : [];
    if (channels.length)
      audience.channels = channels.map((value) => {
        const [team, channel] = value.split('|');
        return channel && channel !== team ? { team, channel } : { team };
      });
    return audience;
  }

  /** The draft as the admin API would receive it: `{kind, briefing}` or `{kind, pulse}`. */
  function draftOf(form) {
    const kind = checked(form, 'kind')[0] || 'briefing';
    const later = checked(form, 'when')[0] === 'later';
    const at = later ? londonTime(form, 'authoring') : undefined;
    const audience = audienceOf(form, kind);
    if (kind === 'briefing') {
      const briefing = {
        title: form.querySelector('#authoring-title').value,
        summary: form.querySelector('#authoring-summary').value,
        body: form.querySelector('#authoring-text').value,
        topics: checked(form, 'topics'),
        urgent: checked(form, 'urgent').length > 0,
        audience,
      };
      const link = form.querySelector('#authoring-link').value.trim();
      if (link) briefing.link = link;
      if (at) briefing.publish_at = at;
      const expires = londonTime(form, 'authoring-expiry');
      if (expires) briefing.expires_at = expires;
      return { kind, briefing };
    }
    const pulse = { template: form.querySelector('#authoring-template').value, audience, closes_at: londonTime(form, 'authoring-closes') || '' };
    const name = form.querySelector('#authoring-name').value.trim();
    if (name) pulse.name = name;
    if (at) pulse.opens_at = at;
    const reminders = listOf(form.querySelector('#authoring-reminders').value);
    if (reminders.length) pulse.reminder_days = reminders;
    const threshold = form.querySelector('#authoring-threshold').value;
    if (threshold !== '') pulse.anonymity_threshold = Number(threshold);
    return { kind, pulse };
  }

  /** The GOV.UK error summary: every problem the server listed, each linking to its input. */
  function showProblems(form, problems) {
    const box = form.querySelector('#authoring-errors');
    for (const group of form.querySelectorAll('.govuk-form-group--error')) group.classList.remove('govuk-form-group--error');
    if (!problems.length) return box.replaceChildren();
    const items = problems.map((p) => {
      const input = FIELD_INPUT[p.field.split('.')[0]];
      const text = `${p.field}: ${p.message}`;
      const group = input && form.querySelector(`[data-field="${input}"]`);
      if (group) group.classList.add('govuk-form-group--error');
      return el('li', {}, [input ? el('a', { href: `#${input}`, text }) : text]);
    });
    const summary = el('div', { className: 'govuk-error-summary', tabindex: '-1' }, [
      el('div', { role: 'alert' }, [
        el('h2', { className: 'govuk-error-summary__title', text: 'There is a problem' }),
        el('div', { className: 'govuk-error-summary__body' }, [el('ul', { className: 'govuk-list govuk-error-summary__list' }, items)]),
      ]),
    ]);
    box.replaceChildren(summary);
    summary.focus();
  }

  /** The count in words: in the audience, reachable now, needs the app, not reachable and why. */
  function countText(count) {
    const lines = [`In the audience: ${count.inAudience}.`, `Reachable now: ${count.reachableNow}.`, `Needs the app installed: ${count.needsInstall}.`];
    const unreachable = count.notReachable.reduce((n, r) => n + r.count, 0);
    lines.push(unreachable ? `Not reachable: ${unreachable} (${count.notReachable.map((r) => `${r.reason}: ${r.count}`).join('; ')}).` : 'Not reachable: 0.');
    return lines;
  }

  /** The card drawn by the Adaptive Cards renderer from the JSON the bot sends, or a note when the renderer did not load. */
  function renderCard(card) {
    const AC = window.AdaptiveCards;
    if (!AC) return el('p', { className: 'govuk-body', text: 'The card preview could not load; the text below is what staff see without it.' });
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig({ fontFamily: 'Arial, sans-serif' });
    // Preview only: the buttons do nothing here.
    adaptive.onExecuteAction = () => undefined;
    adaptive.parse(card);
    const rendered = adaptive.render();
    if (!rendered) return el('p', { className: 'govuk-body', text: 'The card could not be drawn.' });
    // The renderer marks heading text blocks role="heading" without a level; under the preview's h3 they are level 4.
    for (const heading of rendered.querySelectorAll('[role="heading"]:not([aria-level])')) heading.setAttribute('aria-level', '4');
    return rendered;
  }

  function start(connection, me) {
    const body = document.getElementById('authoring-body');
    if (!body) return Promise.resolve();
    return connection.getJson('/authoring/options').then((options) => {
      const form = buildForm(options, me);
      body.replaceChildren(form);
      const message = form.querySelector('#authoring-message');
      const say = (text, kind) => {
        message.className = kind === 'error' ? 'govuk-error-message' : 'govuk-body govuk-!-font-weight-bold';
        message.textContent = text;
      };
      const kindNow = () => checked(form, 'kind')[0] || 'briefing';
      let countTimer;
      let countAsked = 0;
      const refreshCount = () => {
        clearTimeout(countTimer);
        countTimer = setTimeout(async () => {
          const asked = ++countAsked;
          const box = form.querySelector('#authoring-count');
          try {
            const count = await connection.postJson('/audience/count', { kind: kindNow(), audience: audienceOf(form, kindNow()) });
            if (asked !== countAsked) return;
            box.replaceChildren(
              el('p', { className: 'govuk-body govuk-!-margin-bottom-1', text: `Audience: ${count.audience}` }),
              ...countText(count).map((t) => el('p', { className: 'govuk-body govuk-!-margin-bottom-1', text: t })),
            );
            box.setAttribute('data-in-audience', String(count.inAudience));
          } catch (err) {
            if (asked === countAsked)
              box.replaceChildren(
                el('p', { className: 'govuk-body', text: err.body && err.body.problems ? err.body.problems.map((p) => p.message).join(' ') : err.message }),
              );
          }
        }, COUNT_DELAY_MS);
      };
      const showQuestions = () => {
        const template = options.templates.find((t) => t.id === form.querySelector('#authoring-template').value);
        form.querySelector('#authoring-questions').replaceChildren(...(template ? template.questions.map((q) => el('li', { text: q })) : []));
      };
      const hideConfirm = () => {
        form.querySelector('#authoring-confirm').hidden = true;
      };
      form.addEventListener('change', (event) => {
        const pulse = kindNow() === 'pulse';
        form.querySelector('#authoring-briefing-fields').hidden = pulse;
        form.querySelector('#authoring-pulse-fields').hidden = !pulse;
        const channels = form.querySelector('#authoring-channels');
        if (channels) channels.hidden = pulse;
        form.querySelector('#authoring-when-fields').hidden = checked(form, 'when')[0] !== 'later';
        if (event.target.id === 'authoring-template') showQuestions();
        hideConfirm();
        refreshCount();
      });
      form.addEventListener('input', () => {
        hideConfirm();
        refreshCount();
      });
      form.addEventListener('submit', (event) => event.preventDefault());
      showQuestions();
      refreshCount();

      /** Sends the draft to a route; a 422 fills the error summary and resolves to undefined. */
      const send = async (path, extra, headers) => {
        say('');
        try {
          const answer = await connection.postJson(path, { ...draftOf(form), ...(extra || {}) }, headers);
          showProblems(form, []);
          return answer;
        } catch (err) {
          if (err.status === 422 && err.body && err.body.problems) showProblems(form, err.body.problems);
          else if (err.status === 422) showProblems(form, [{ field: 'audience', message: err.message }]);
          else say(err.message, 'error');
          return undefined;
        }
      };

      form.querySelector('#authoring-preview').addEventListener('click', async () => {
        const preview = await send('/authoring/preview');
        const box = form.querySelector('#authoring-preview-box');
        if (!preview) {
          box.hidden = true;
          hideConfirm();
          return;
        }
        box.replaceChildren(
          el('h3', { className: 'govuk-heading-m', text: 'Preview: what staff will see' }),
          el('div', { className: 'app-card-preview', id: 'authoring-card' }, [renderCard(preview.card)]),
          el('details', { className: 'govuk-details' }, [
            el('summary', { className: 'govuk-details__summary' }, [
              el('span', { className: 'govuk-details__summary-text', text: 'Text version (where cards cannot be shown)' }),
            ]),
            el('div', { className: 'govuk-details__text app-fallback', id: 'authoring-fallback', text: preview.text }),
          ]),
          ...preview.notes.map((n) => el('div', { className: 'govuk-inset-text', text: n })),
          button('Continue', 'authoring-continue'),
        );
        box.hidden = false;
        box.querySelector('#authoring-continue').addEventListener('click', () => showConfirm(preview));
      });

      form.querySelector('#authoring-test').addEventListener('click', async () => {
        const to = form.querySelector('#authoring-test-to');
        const sent = await send('/authoring/test', to ? { to: to.value } : {});
        if (sent) say(sent.message);
      });

      let idempotencyKey;
      const showConfirm = (preview) => {
        const what = preview.kind === 'briefing' ? 'briefing' : 'pulse';
        // One key per confirm step: pressing the button twice sends once; a changed draft gets a new key.
        idempotencyKey = window.crypto && crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
        const box = form.querySelector('#authoring-confirm');
        const row = (key, value) =>
          el('div', { className: 'govuk-summary-list__row' }, [
            el('dt', { className: 'govuk-summary-list__key', text: key }),
            el('dd', { className: 'govuk-summary-list__value', text: value }),
          ]);
        const action = preview.sendsNow ? `Confirm and send the ${what}` : `Confirm and schedule the ${what}`;
        box.replaceChildren(
          el('h3', { className: 'govuk-heading-m', tabindex: '-1', id: 'authoring-confirm-heading', text: 'Check before sending' }),
          el('dl', { className: 'govuk-summary-list' }, [
            row('What', what === 'briefing' ? 'Briefing' : 'Pulse survey'),
            row('Who', preview.audience),
            row('Reaches', countText(preview.count).join(' ')),
            row(what === 'briefing' ? 'Sends' : 'Opens', preview.sendsNow ? 'Now' : `${preview.sendsAt} (UK time)`),
          ]),
          button(action, 'authoring-confirm-button'),
        );
        box.hidden = false;
        box.querySelector('#authoring-confirm-heading').focus();
        box.querySelector('#authoring-confirm-button').addEventListener('click', async () => {
          const created = await send(`/authoring/${what}s`, {}, { 'idempotency-key': idempotencyKey });
          if (!created) return;
          const done = preview.sendsNow
            ? `The ${what} is on its way (number ${created.id}).`
            : `The ${what} is scheduled for ${preview.sendsAt} (number ${created.id}).`;
          box.replaceChildren(
            el('div', { className: 'govuk-panel govuk-panel--confirmation', id: 'authoring-done' }, [
              el('h3', { className: 'govuk-panel__title', text: done }),
            ]),
          );
        });
      };
    });
  }

  Dashboard.authoring = { start };
})();
