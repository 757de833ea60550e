/*
 * The Content gaps section: the questions staff asked most that the bot could not answer, and the
 * knowledge entries most often marked "not helpful", as two tables for the content team to act on.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const { el, table, dateTime, replaceKeepingFocus } = Dashboard.dom;

  /** "Write an answer for this question": the Content page with a new draft that already has the question in "ways staff ask it". */
  function writeLink(question) {
    const inTeams = document.getElementById('dashboard').getAttribute('data-auth') === 'teams';
    const query = new URLSearchParams({ ...(inTeams ? { inTeams: '1' } : {}), question }).toString();
    return el('a', { className: 'govuk-link', href: `/dashboard/content?${query}` }, [
      'Write an answer',
      el('span', { className: 'govuk-visually-hidden', text: ` for "${question}"` }),
    ]);
  }

  function unansweredBlock(report) {
    const caption = `Questions the bot could not answer, most asked first (last ${report.days} days)`;
    if (!report.unanswered.length) return el('p', { className: 'govuk-body', text: `No unanswered questions in the last ${report.days} days.` });
    return table({
      caption,
      captionClass: 'govuk-table__caption--m',
      head: ['Question', 'Times asked', 'Last asked', 'Act on it'],
      numeric: [false, true, false, false],
      rows: report.unanswered.map((u) => [u.question, String(u.times), dateTime(u.lastAsked), writeLink(u.question)]),
    });
  }

  function unhelpfulBlock(report) {
    const caption = `Least helpful entries, most "not helpful" first (last ${report.days} days)`;
    if (!report.unhelpful.length) return el('p', { className: 'govuk-body', text: `No entry was marked "not helpful" in the last ${report.days} days.` });
    return table({
      caption,
      captionClass: 'govuk-table__caption--m',
      head: ['Entry', 'Not helpful', 'Helpful'],
      numeric: [false, true, true],
      rows: report.unhelpful.map((u) => [
        u.inKnowledgeBase ? u.title : `${u.title} (no longer in the knowledge base)`,
        String(u.notHelpful),
        String(u.helpful),
      ]),
    });
  }

  /** Loads the report once (it changes slowly) and shows both tables. */
  async function start(getJson, days) {
    const report = await getJson(`/gaps?days=${encodeURIComponent(days)}`);
    replaceKeepingFocus(document.getElementById('gaps-body'), [unansweredBlock(report), unhelpfulBlock(report)]);
  }

  Dashboard.gaps = { start };
})();
