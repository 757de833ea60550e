/*
 * The Briefings section: how far each briefing's delivery has got (sent, acknowledged, waiting,
 * failed, unreachable) as a stacked bar chart and a table with the same figures, refreshed every
 * few seconds (as often as the server says) so comms staff watch a send progress live.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const { el, table, dateTime, time, tag, replaceKeepingFocus } = Dashboard.dom;

  /** How many briefings the chart shows (the table lists them all). */
  const CHART_BRIEFINGS = 10;
  const STATUS = { publishing: ['Queueing', 'yellow'], published: ['Published', 'green'], recalled: ['Recalled', 'red'] };
  const TABLE_CAPTION = 'Delivery of briefings, newest first';

  /** Copies that were stopped rather than sent, in words ("3 recalled, 1 expired"), or 0 when none were (an empty cell reads as unknown). */
  function otherCounts(counts) {
    const stopped = ['cancelled', 'expired', 'recalled']
      .filter((k) => counts[k] > 0)
      .map((k) => `${counts[k]} ${k}`)
      .join(', ');
    return stopped || '0';
  }

  /** Chart labels are cut short; the table beside the chart has the full titles. */
  const shortTitle = (title) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

  function progressChart(briefings) {
    const shown = briefings.slice(0, CHART_BRIEFINGS);
    const series = (label, colour, value) => ({ label, colour, data: shown.map((b) => value(b.counts)) });
    return Dashboard.charts.bar({
      key: 'briefings-progress',
      labels: shown.map((b) => shortTitle(b.title)),
      datasets: [
        // Acknowledged copies are sent copies too, so "sent" is split to stack without counting them twice.
        series('Acknowledged', 'chart-acknowledged', (c) => c.acknowledged),
        series('Sent, not yet acknowledged', 'chart-sent', (c) => c.sent - c.acknowledged),
        series('Waiting to send', 'chart-pending', (c) => c.pending),
        series('Failed', 'chart-failed', (c) => c.failed),
        series('Unreachable', 'chart-unreachable', (c) => c.unreachable),
      ],
      stacked: true,
      horizontal: true,
      tall: shown.length > 4,
      xTitle: 'People',
      description: `Stacked bar chart of delivery for the ${shown.length} latest briefings: acknowledged, sent but not yet acknowledged, waiting to send, failed and unreachable. The table “${TABLE_CAPTION}” has the same figures.`,
    });
  }

  function progressTable(briefings) {
    return table({
      caption: TABLE_CAPTION,
      head: ['Briefing', 'Recipients', 'Sent', 'Acknowledged', 'Waiting', 'Failed', 'Unreachable', 'Stopped'],
      numeric: [false, true, true, true, true, true, true, false],
      rowHeaders: true,
      rows: briefings.map((b) => {
        const [statusText, colour] = STATUS[b.status] || [b.status, 'grey'];
        const title = el('span', {}, [
          b.title,
          el('br'),
          el('span', { className: 'govuk-body-s app-secondary app-briefing-meta' }, [
            tag(statusText, colour),
            b.urgent ? ' ' : null,
            b.urgent ? tag('Urgent', 'red') : null,
            ` ${dateTime(b.publishAt)}`,
          ]),
        ]);
        const c = b.counts;
        return [
          title,
          String(b.recipients),
          String(c.sent),
          String(c.acknowledged),
          String(c.pending),
          String(c.failed),
          String(c.unreachable),
          otherCounts(c),
        ];
      }),
    });
  }

  /**
   * Starts the section and keeps it live (`emptyHint` says what this viewer can do when there are no briefings): it asks again after the interval the server gives, and
   * stops asking once the server refuses (401 or 403), which `onProblem` shows.
   */
  function start(getJson, onProblem, emptyHint) {
    const body = document.getElementById('briefings-body');
    const updated = document.getElementById('briefings-updated');
    let last = '';

    async function refresh() {
      const data = await getJson('/briefings');
      updated.textContent = `Last updated at ${time(new Date())}.`;
      const json = JSON.stringify(data.briefings);
      if (json !== last) {
        last = json;
        const content = data.briefings.length
          ? [el('div', { className: 'app-figure app-figure--stacked' }, [progressChart(data.briefings), progressTable(data.briefings)])]
          : [el('p', { className: 'govuk-body app-empty-hint', text: emptyHint })];
        replaceKeepingFocus(body, content);
        Dashboard.charts.prune();
      }
      return data.refreshSeconds;
    }

    /** Refreshes now, then again after the interval; a passing problem (offline, 5xx) keeps the loop going. */
    function attempt(seconds) {
      return refresh().then(
        (next) => setTimeout(() => attempt(next), next * 1000),
        (err) => {
          onProblem(err);
          if (err.status === 0 || err.status >= 500) setTimeout(() => attempt(seconds), seconds * 1000);
        },
      );
    }

    return attempt(Number(body.closest('[data-briefing-refresh]').getAttribute('data-briefing-refresh')) || 10);
  }

  Dashboard.briefings = { start };
})();
