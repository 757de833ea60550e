/** JSON for a JavaScript literal, safe inside any HTML or script context (no `<`, no line separators). */
const scriptLiteral = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * `GET /embed.js`: one script tag puts the chat in a corner of any intranet page. It adds a
 * button that opens a panel holding the chat page in a frame (loaded on first open, so pages
 * that never open it do not download Web Chat), passes an optional signed user token in the
 * frame's URL fragment (never sent to any server log), and returns focus to the button on close.
 *
 * Usage: `<script src="https://BOT/embed.js" data-user-token="…" async></script>`; the
 * intranet's origin must be listed in WEBCHAT_EMBED_ORIGINS.
 */
export function renderEmbedScript(botName: string): string {
  return `/* ${botName.replace(/\*\//g, '')} web chat widget */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__staffbotWebChat) return;
  window.__staffbotWebChat = true;
  var botName = ${scriptLiteral(botName)};
  var origin = new URL(script.src, location.href).origin;
  var userToken = script.getAttribute('data-user-token') || '';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var label = script.getAttribute('data-label') || 'Ask the ' + botName;

  function css(element, styles) {
    for (var key in styles) element.style[key] = styles[key];
  }
  function focusRing(element) {
    element.addEventListener('focus', function () { css(element, { outline: '3px solid #ffdd00', outlineOffset: '0', boxShadow: 'inset 0 0 0 2px #0b0c0c' }); });
    element.addEventListener('blur', function () { css(element, { outline: 'none', boxShadow: element.dataset.shadow || 'none' }); });
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'staffbot-webchat-panel');
  button.dataset.shadow = '0 2px 0 #002d18';
  css(button, {
    position: 'fixed', bottom: '1rem', zIndex: '2147483000', padding: '0.6em 1em', border: '2px solid transparent',
    background: '#00703c', color: '#ffffff', font: '700 1.1875rem/1.3 arial, sans-serif', cursor: 'pointer',
    boxShadow: '0 2px 0 #002d18', maxWidth: 'calc(100vw - 2rem)'
  });
  button.style[side] = '1rem';
  focusRing(button);

  var panel = document.createElement('section');
  panel.id = 'staffbot-webchat-panel';
  panel.setAttribute('aria-label', botName + ' chat');
  panel.hidden = true;
  css(panel, {
    position: 'fixed', bottom: '4.5rem', zIndex: '2147483000', width: 'min(26rem, calc(100vw - 2rem))',
    height: 'min(40rem, calc(100vh - 6rem))', background: '#ffffff', border: '2px solid #0b0c0c',
    flexDirection: 'column', boxSizing: 'border-box'
  });
  panel.style[side] = '1rem';

  var bar = document.createElement('div');
  css(bar, { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.5rem', padding: '0.5rem 0.75rem', background: '#0b0c0c', color: '#ffffff', font: '700 1rem/1.25 arial, sans-serif' });
  var title = document.createElement('span');
  title.textContent = botName;
  var close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close chat';
  css(close, { background: '#ffffff', color: '#0b0c0c', border: '2px solid #ffffff', font: '700 1rem/1.25 arial, sans-serif', padding: '0.25rem 0.5rem', cursor: 'pointer' });
  focusRing(close);
  bar.appendChild(title);
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = botName + ' chat';
      frame.src = origin + '/?embed=1' + (userToken ? '#userToken=' + encodeURIComponent(userToken) : '');
      css(frame, { flex: '1 1 auto', width: '100%', border: '0', display: 'block' });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    panel.style.display = 'flex';
    button.setAttribute('aria-expanded', 'true');
    frame.focus();
  }
  function shut() {
    panel.hidden = true;
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
  button.addEventListener('click', function () { panel.hidden ? open() : shut(); });
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') shut(); });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
`;
}
