/*
 * The page's theme: light, dark or high contrast, as a class on <body> (dashboard.css holds the
 * colours). The server sets it from ?theme= in a browser; in Teams the sign-in script sets it from
 * the Teams context and whenever Teams changes theme. Charts listen, to recolour themselves.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  const THEMES = ['default', 'dark', 'contrast'];
  const listeners = [];

  /** The theme now in force. */
  function current() {
    return THEMES.find((t) => document.body.classList.contains(`app-theme-${t}`)) || 'default';
  }

  /** Switches to a Teams theme name; anything unknown is the light theme. */
  function set(name) {
    const theme = THEMES.includes(name) ? name : 'default';
    if (theme === current()) return;
    for (const t of THEMES) document.body.classList.toggle(`app-theme-${t}`, t === theme);
    for (const listener of listeners) listener(theme);
  }

  /** A colour from the theme's CSS custom properties (--app-…). */
  function colour(name) {
    return getComputedStyle(document.body).getPropertyValue(`--app-${name}`).trim();
  }

  Dashboard.theme = { current, set, colour, onChange: (listener) => listeners.push(listener) };
})();
