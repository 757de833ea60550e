/*
 * The Pulses section: every pulse the viewer may see with its response rate, and one pulse's
 * results (a chart and a table per question, favourability, eNPS, the trend against the previous
 * wave, segments and comments). It shows exactly what the server sent: a suppressed part is
 * `{ suppressed: true, reason }` and appears as "Not shown: <reason>", never as a figure.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const { el, hidden, table, notShown, notShownBlock, date, percent, signed, tag, replaceKeepingFocus } = Dashboard.dom;

  const STATUS = { scheduled: ['Scheduled', 'grey'], open: ['Open', 'green'], closed: ['Closed', 'blue'] };
  const MEASURE_NAMES = { mean: 'Average', favourable: 'Favourable', enps: 'eNPS' };

  const statusTag = (status) => tag(...(STATUS[status] || [status, 'grey']));
  const measureText = (key, value) => (key === 'favourable' ? percent(value) : key === 'enps' ? signed(value) : String(value));
  const changeText = (key, value) => (value === undefined ? '' : key === 'favourable' ? `${signed(value)} points` : signed(value));

  /** The responses cell of the list: "12 of 20 invited", or why it is not shown; the figures change only at a release. */
  function responsesCell(responses) {
    if (responses.suppressed) return notShown(responses);
    return responses.invited ? `${responses.count} of ${responses.invited} invited` : `${responses.count}`;
  }

  function rateCell(responses) {
    if (responses.suppressed) return 'Not shown';
    return responses.rate === null ? 'Not known' : percent(responses.rate);
  }

  /** The list of pulses, with a "Show results" button for each. */
  function listTable(pulses, shownId, onShow) {
    const rows = pulses.map((p) => {
      const name = el('span', {}, [p.survey.name, el('br'), el('span', { className: 'govuk-body-s app-secondary', text: p.survey.templateTitle })]);
      const button = el(
        'button',
        {
          type: 'button',
          className: 'govuk-button govuk-button--secondary app-pulse-button',
          'data-focus-key': `pulse-${p.survey.id}`,
          'aria-controls': 'pulse-results',
          'aria-pressed': String(p.survey.id === shownId),
        },
        ['Show results', hidden(` of ${p.survey.name}`)],
      );
      button.addEventListener('click', () => onShow(p.survey.id, true));
      return [
        name,
        statusTag(p.survey.status),
        `${date(p.survey.opensAt)} to ${date(p.survey.closesAt)}`,
        responsesCell(p.responses),
        rateCell(p.responses),
        button,
      ];
    });
    return table({
      caption: 'Pulses, newest first',
      captionClass: 'govuk-table__caption--m',
      head: ['Pulse', 'Status', 'Dates', 'Responses', 'Response rate', 'Results'],
      numeric: [false, false, false, false, true, false],
      rows,
    });
  }

  /** The headline measures of one question: favourability for ratings, eNPS for 0–10 scales, and the average. */
  function measures(q) {
    const items = [];
    if (q.favourability) {
      items.push(
        `Favourable (4 or 5): ${percent(q.favourability.favourable)}`,
        `Neutral (3): ${percent(q.favourability.neutral)}`,
        `Unfavourable (1 or 2): ${percent(q.favourability.unfavourable)}`,
      );
    }
    if (q.enps) {
      items.push(
        `eNPS: ${signed(q.enps.score)} (promoters ${percent(q.enps.promoters)}, passives ${percent(q.enps.passives)}, detractors ${percent(q.enps.detractors)})`,
      );
    }
    if (q.mean !== undefined) items.push(`Average: ${q.mean} out of ${q.type === 'scale' ? 10 : 5}`);
    return items.length
      ? el(
          'ul',
          { className: 'govuk-list app-measures' },
          items.map((text) => el('li', { text })),
        )
      : null;
  }

  /** One question: its measures, a bar chart of its answers and the table with the same figures. */
  function questionBlock(surveyId, q) {
    const caption = `Answers to “${q.text}”`;
    const chart = Dashboard.charts.bar({
      key: `pulse-${surveyId}-${q.id}`,
      labels: q.distribution.map((d) => d.label),
      datasets: [{ label: 'People', data: q.distribution.map((d) => d.count), colour: 'chart-answers' }],
      description: `Bar chart of how many people gave each answer to “${q.text}”. The table “${caption}” has the same figures.`,
      horizontal: true,
      tall: q.distribution.length > 6,
      xTitle: 'People',
    });
    const figures = table({
      caption,
      head: ['Answer', 'People', 'Share'],
      numeric: [false, true, true],
      rows: q.distribution.map((d) => [d.label, String(d.count), percent(d.percent)]),
    });
    return el('div', { className: 'app-question' }, [
      el('h5', { className: 'govuk-heading-s', text: q.text }),
      el('p', { className: 'govuk-body-s app-secondary', text: `Answered by ${q.answered} ${q.answered === 1 ? 'person' : 'people'}.` }),
      measures(q),
      el('div', { className: 'app-figure' }, [chart, figures]),
    ]);
  }

  function trendBlock(trend) {
    const parts = [el('h4', { className: 'govuk-heading-m', text: 'Trend' })];
    if (trend.suppressed) return parts.concat(notShownBlock(trend));
    const rows = [];
    for (const item of trend.items) {
      for (const key of Object.keys(item.current)) {
        rows.push([
          item.text,
          MEASURE_NAMES[key] || key,
          item.previous[key] === undefined ? '' : measureText(key, item.previous[key]),
          measureText(key, item.current[key]),
          changeText(key, item.change[key]),
        ]);
      }
    }
    const p = trend.previous;
    if (!rows.length) return parts.concat(el('p', { className: 'govuk-body', text: `Nothing to compare with ${p.name}.` }));
    return parts.concat(
      table({
        caption: `Compared with ${p.name} (closed ${date(p.closesAt)}, ${p.responses} responses)`,
        head: ['Question', 'Measure', 'Then', 'Now', 'Change'],
        numeric: [false, false, true, true, true],
        rows,
      }),
    );
  }

  /** A segment's headline for one question: favourable share, eNPS, or share answering yes. */
  function headline(q) {
    if (q.favourability) return percent(q.favourability.favourable);
    if (q.enps) return signed(q.enps.score);
    const yes = q.distribution.find((d) => d.value === 'yes');
    return yes ? percent(yes.percent) : '';
  }

  function headlineTitle(q) {
    return q.type === 'rating' ? `${q.text} (favourable)` : q.type === 'scale' ? `${q.text} (eNPS)` : `${q.text} (yes)`;
  }

  function breakdownBlock(breakdown) {
    const noun = breakdown.dimension === 'sector' ? ['sector', 'sectors'] : ['locality', 'localities'];
    const parts = [el('h5', { className: 'govuk-heading-s', text: `By ${noun[0]}` })];
    const shown = breakdown.shown;
    if (shown.length) {
      const questions = shown[0].questions.filter((q) => q.type !== 'choice');
      parts.push(
        table({
          caption: `Results by ${noun[0]}`,
          head: [noun[0][0].toUpperCase() + noun[0].slice(1), 'Responses'].concat(questions.map(headlineTitle)),
          numeric: [false, true].concat(questions.map(() => true)),
          rowHeaders: true,
          rows: shown.map((s) => [s.label, String(s.responses)].concat(s.questions.filter((q) => q.type !== 'choice').map(headline))),
        }),
      );
    } else {
      parts.push(el('p', { className: 'govuk-body', text: `No ${noun[0]} has enough responses to show on its own.` }));
    }
    if (breakdown.hidden) {
      const n = breakdown.hidden.segments;
      parts.push(el('div', { className: 'govuk-inset-text', text: `${n} ${n === 1 ? noun[0] : noun[1]} not shown. ${breakdown.hidden.reason}` }));
    }
    return parts;
  }

  function segmentsBlock(segments) {
    const parts = [el('h4', { className: 'govuk-heading-m', text: 'Segments' })];
    if (segments.suppressed) return parts.concat(notShownBlock(segments));
    return parts.concat(breakdownBlock(segments.sector), breakdownBlock(segments.locality));
  }

  function commentsBlock(comments) {
    const parts = [el('h4', { className: 'govuk-heading-m', text: 'Comments' })];
    if (comments.suppressed) return parts.concat(notShownBlock(comments));
    return parts.concat(
      el(
        'ul',
        { className: 'govuk-list govuk-list--bullet' },
        comments.items.map((text) => el('li', { text })),
      ),
    );
  }

  /** One pulse's results, in the order a reader wants them. */
  function resultsBlock(results) {
    const s = results.survey;
    const [statusText] = STATUS[s.status] || [s.status];
    const heading = el('h3', { className: 'govuk-heading-l', tabindex: '-1', id: 'pulse-results-heading', text: `Results: ${s.name}` });
    const facts = [
      ['Pulse', s.templateTitle],
      ['Status', statusText],
      ['Dates', `${date(s.opensAt)} to ${date(s.closesAt)}`],
      ['Minimum group size', `${s.threshold} people`],
      ['Responses', responsesCell(results.responses)],
      ['Response rate', results.responses.suppressed ? 'Not shown' : rateCell(results.responses)],
      ['Figures', results.release.note],
    ];
    const summary = el(
      'dl',
      { className: 'govuk-summary-list' },
      facts.map(([key, value]) =>
        el('div', { className: 'govuk-summary-list__row' }, [
          el('dt', { className: 'govuk-summary-list__key', text: key }),
          el('dd', { className: 'govuk-summary-list__value', text: value }),
        ]),
      ),
    );
    const parts = [heading, summary];
    if (results.responses.suppressed && results.questions.suppressed) {
      // Below the threshold everything is hidden for the same reason, so it is said once.
      parts.push(notShownBlock(results.questions));
      return parts;
    }
    parts.push(el('h4', { className: 'govuk-heading-m', text: 'Answers' }));
    if (results.questions.suppressed) parts.push(notShownBlock(results.questions));
    else for (const q of results.questions.items) parts.push(questionBlock(s.id, q));
    return parts.concat(trendBlock(results.trend), segmentsBlock(results.segments), commentsBlock(results.comments));
  }

  /**
   * Starts the section: loads the list, shows the first pulse with results (or the newest), and
   * refreshes both every `refreshSeconds`, only re-drawing what changed.
   */
  function start(getJson, refreshSeconds, onProblem, emptyHint) {
    const list = document.getElementById('pulses-list');
    const details = document.getElementById('pulse-results');
    details.classList.add('app-pulse-results');
    let pulses = [];
    let shownId;
    let lastList = '';
    let lastDetails = '';

    async function show(id, moveFocus) {
      shownId = id;
      for (const button of list.querySelectorAll('[aria-pressed]'))
        button.setAttribute('aria-pressed', String(button.getAttribute('data-focus-key') === `pulse-${id}`));
      const results = await getJson(`/pulses/${encodeURIComponent(id)}`);
      const json = JSON.stringify(results);
      if (json !== lastDetails || moveFocus) {
        lastDetails = json;
        replaceKeepingFocus(details, resultsBlock(results));
        Dashboard.charts.prune();
      }
      if (moveFocus) document.getElementById('pulse-results-heading').focus();
    }

    const showFromButton = (id) => show(id, true).catch(onProblem);

    async function refresh() {
      const body = await getJson('/pulses');
      pulses = body.pulses;
      const json = JSON.stringify(pulses);
      if (json !== lastList) {
        lastList = json;
        if (!pulses.length) {
          replaceKeepingFocus(list, el('p', { className: 'govuk-body app-empty-hint', text: emptyHint }));
          details.replaceChildren();
          return;
        }
        if (shownId === undefined || !pulses.some((p) => p.survey.id === shownId)) {
          shownId = (pulses.find((p) => !p.responses.suppressed) || pulses[0]).survey.id;
        }
        replaceKeepingFocus(list, listTable(pulses, shownId, showFromButton));
      }
      if (shownId !== undefined) await show(shownId, false);
    }

    // Refreshing stops once the server refuses (401 or 403); a passing problem only skips a round.
    const timer = setInterval(() => {
      refresh().catch((err) => {
        if (err.status === 401 || err.status === 403) clearInterval(timer);
        onProblem(err);
      });
    }, refreshSeconds * 1000);
    return refresh().catch((err) => {
      if (err.status === 401 || err.status === 403) clearInterval(timer);
      throw err;
    });
  }

  Dashboard.pulses = { start };
})();
