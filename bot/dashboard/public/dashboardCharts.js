/*
 * Charts with Chart.js (served by the bot, no CDN) in the theme's colours. Every chart is an image
 * with a label that points to the data table beside it, which is the accessible version of the same
 * figures. Charts recolour themselves when the theme changes and update in place on refresh.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const { el } = Dashboard.dom;
  /** Charts on the page by key, so a refresh updates one rather than stacking a new one on top. */
  const charts = new Map();

  if (window.Chart) {
    window.Chart.defaults.font.family = 'Arial, sans-serif';
    window.Chart.defaults.font.size = 14;
    // No animation: it says nothing, distracts, and ignores reduced-motion settings.
    window.Chart.defaults.animation = false;
  }

  /** Options shared by every chart, in the current theme's colours. */
  function baseOptions(spec) {
    const text = Dashboard.theme.colour('text');
    const grid = Dashboard.theme.colour('grid');
    const axis = { ticks: { color: text, precision: 0 }, grid: { color: grid }, border: { color: grid }, stacked: Boolean(spec.stacked) };
    return {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: spec.datasets.length > 1, position: 'bottom', labels: { color: text } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { ...axis, beginAtZero: true, title: spec.xTitle ? { display: true, text: spec.xTitle, color: text } : undefined },
        y: { ...axis, beginAtZero: true, title: spec.yTitle ? { display: true, text: spec.yTitle, color: text } : undefined },
      },
    };
  }

  function chartData(spec) {
    return {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => {
        const fill = Dashboard.theme.colour(d.colour);
        return { label: d.label, data: d.data, backgroundColor: fill, borderColor: fill, borderWidth: 1 };
      }),
    };
  }

  /**
   * A bar chart (stacked and horizontal when asked) in a sized box. `spec`: key, labels,
   * datasets [{label, data, colour: a theme colour name}], description (what the chart shows, for
   * its label), and optionally stacked, horizontal, tall, xTitle, yTitle. Returns the box, or the
   * existing one updated in place when a chart with that key is already on the page.
   */
  function bar(spec) {
    const existing = charts.get(spec.key);
    if (existing && document.body.contains(existing.box)) {
      existing.spec = spec;
      existing.chart.data = chartData(spec);
      existing.chart.options = baseOptions(spec);
      existing.chart.update('none');
      existing.canvas.setAttribute('aria-label', spec.description);
      return existing.box;
    }
    if (existing) existing.chart.destroy();
    const canvas = el('canvas', { role: 'img', 'aria-label': spec.description }, [spec.description]);
    const box = el('div', { className: `app-chart${spec.tall ? ' app-chart--tall' : ''}` }, [canvas]);
    if (!window.Chart) {
      box.replaceChildren(el('p', { className: 'govuk-body', text: 'The chart could not be drawn; the table has the same figures.' }));
      return box;
    }
    const chart = new window.Chart(canvas, { type: 'bar', data: chartData(spec), options: baseOptions(spec) });
    charts.set(spec.key, { chart, canvas, box, spec });
    return box;
  }

  /** Forgets charts whose boxes left the page (their section was re-rendered). */
  function prune() {
    for (const [key, entry] of charts) {
      if (!document.body.contains(entry.box)) {
        entry.chart.destroy();
        charts.delete(key);
      }
    }
  }

  Dashboard.theme.onChange(() => {
    for (const entry of charts.values()) {
      entry.chart.data = chartData(entry.spec);
      entry.chart.options = baseOptions(entry.spec);
      entry.chart.update('none');
    }
  });

  Dashboard.charts = { bar, prune };
})();
