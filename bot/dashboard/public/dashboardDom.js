/*
 * Small DOM helpers the dashboard's sections share: elements built with textContent (data never
 * becomes HTML), GOV.UK tables with captions, "not shown" texts for suppressed results, UK dates,
 * and re-rendering a section without losing the keyboard focus.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of [].concat(children || [])) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** Text only screen readers read (GOV.UK's visually hidden class). */
  const hidden = (text) => el('span', { className: 'govuk-visually-hidden', text });

  /**
   * A GOV.UK table with a caption inside a box that scrolls sideways if it must. `numeric` marks
   * the columns holding figures; `rowHeaders` makes each row's first cell its header.
   */
  function table(options) {
    const numeric = options.numeric || [];
    const head = el('thead', { className: 'govuk-table__head' }, [
      el(
        'tr',
        { className: 'govuk-table__row' },
        options.head.map((text, i) => el('th', { scope: 'col', className: `govuk-table__header${numeric[i] ? ' govuk-table__header--numeric' : ''}` }, [text])),
      ),
    ]);
    const body = el(
      'tbody',
      { className: 'govuk-table__body' },
      options.rows.map((cells) =>
        el(
          'tr',
          { className: 'govuk-table__row' },
          cells.map((cell, i) =>
            options.rowHeaders && i === 0
              ? el('th', { scope: 'row', className: 'govuk-table__header' }, [cell])
              : el('td', { className: `govuk-table__cell${numeric[i] ? ' govuk-table__cell--numeric' : ''}` }, [cell]),
          ),
        ),
      ),
    );
    const caption = el('caption', { className: `govuk-table__caption ${options.captionClass || 'govuk-table__caption--s'}`, text: options.caption });
    const wrap = el('div', { className: 'app-table-wrap' }, [el('table', { className: 'govuk-table' }, [caption, head, body])]);
    wrap.dataset.label = options.caption;
    return wrap;
  }

  /**
   * Lets keyboard users scroll a table box that is wider than the screen (it becomes a focusable,
   * labelled region), and takes that back when it fits again.
   */
  function markScrollableTables(root) {
    for (const wrap of (root || document).querySelectorAll('.app-table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', `${wrap.dataset.label} (scrolls sideways)`);
      } else {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    }
  }
  window.addEventListener('resize', () => markScrollableTables(document));

  /** What the page says instead of a suppressed figure: the reason computeResults gave, never a number. */
  const notShown = (section) => `Not shown: ${section.reason}.`;

  /** A GOV.UK inset text saying why something is not shown. */
  const notShownBlock = (section) => el('div', { className: 'govuk-inset-text', text: notShown(section) });

  const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit' });

  /** "Mon 23 Nov 2026" in UK time (GOV.UK style: no commas). */
  const date = (iso) => (iso ? dateFormat.format(new Date(iso)).replace(/,/g, '') : '');
  /** "23 Nov 2026 at 10:00" in UK time. */
  const dateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)).replace(/,/g, ' at') : '');
  /** "10:32:05" in UK time. */
  const time = (d) => timeFormat.format(d);
  /** "62.5%". */
  const percent = (n) => `${n}%`;
  /** "+1.5", "−2" or "0" (a true minus sign, which screen readers read as minus). */
  const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${Math.abs(n)}` : '0');

  /** A GOV.UK tag. */
  const tag = (text, colour) => el('strong', { className: `govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`, text });

  /**
   * Replaces a container's content and puts the focus back on the matching element (same
   * data-focus-key) if it was inside, so a refresh never throws a keyboard user back to the top.
   */
  function replaceKeepingFocus(container, children) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.getAttribute('data-focus-key') : null;
    container.replaceChildren(...[].concat(children));
    if (key) {
      const again = container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
      if (again) again.focus();
    }
    markScrollableTables(container);
  }

  Dashboard.dom = { el, hidden, table, markScrollableTables, notShown, notShownBlock, date, dateTime, time, percent, signed, tag, replaceKeepingFocus };
})();
