import { Config } from '../platform/config';
import { escapeHtml } from '../platform/http/escapeHtml';
import { TOKEN_ROUTE } from './tokenRoute';
import { WebChatMode } from './webChatMode';

/** What the chat page shows. */
export interface WebChatPageOptions {
  botName: string;
  /** The nonce this response's Content-Security-Policy allows. */
  nonce: string;
  mode: WebChatMode;
  /** The compact page shown inside the embed widget's frame: just the chat. */
  embedded: boolean;
  /** Added to asset URLs so a new release is fetched rather than taken from the cache. */
  version: string;
  safeguarding: Pick<Config['safeguarding'], 'frontDoorName' | 'frontDoorPhone'>;
}

const EXAMPLES = ['What is a lead professional?', 'What does TAC mean?', 'What are the six areas of the Common Core?'];

/** The chat itself: Web Chat's container, the notice the page script fills in, and the no-JavaScript message. */
function chatSection(o: WebChatPageOptions, heading: string): string {
  if (o.mode === 'off') {
    return `<div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Web chat is not set up on this server yet. Ask your IT team to set DIRECT_LINE_SECRET.</strong>
      </div>`;
  }
  return `<section class="app-chat" aria-labelledby="chat-heading">
        ${heading}
        <div id="webchat-notice" class="govuk-inset-text app-chat__notice" role="status" hidden></div>
        <div id="webchat" class="app-chat__window" data-token-url="${TOKEN_ROUTE}" data-embedded="${o.embedded}">
          <p class="govuk-body app-chat__loading">Starting the chat&hellip;</p>
        </div>
        <noscript><p class="govuk-body">The chat needs JavaScript. Turn it on in your browser, or ask your IT team.</p></noscript>
      </section>`;
}

/**
 * The intranet chat page in GOV.UK Frontend style: the bot's name, what it does, safeguarding
 * contacts, and the Web Chat client. No inline script: the two scripts load from this server and
 * carry the nonce, which the page script hands to Web Chat for its injected styles.
 */
export function renderWebChatPage(o: WebChatPageOptions): string {
  const name = escapeHtml(o.botName);
  const v = encodeURIComponent(o.version);
  const scripts =
    o.mode === 'off'
      ? ''
      : `<script src="/webchat/webchat.js?v=${v}" nonce="${o.nonce}"></script>
  <script src="/webchat/page.js?v=${v}" nonce="${o.nonce}"></script>`;
  const head = `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template${o.embedded ? ' app-embedded' : ''}">
<head>
  <meta charset="utf-8">
  <title>${o.embedded ? `${name} chat` : `Ask a question – ${name}`}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#0b0c0c">
  <link rel="icon" href="/webchat/favicon.svg?v=${v}" type="image/svg+xml">
  <link rel="stylesheet" href="/webchat/govuk-frontend.min.css?v=${v}">
  <link rel="stylesheet" href="/webchat/page.css?v=${v}">
</head>`;

  if (o.embedded) {
    return `${head}
<body class="govuk-template__body app-embedded__body">
  <main class="app-embedded__main" id="main-content">
    <h1 class="govuk-visually-hidden">${name}</h1>
    ${chatSection(o, '<h2 class="govuk-visually-hidden" id="chat-heading">Chat</h2>')}
  </main>
  ${scripts}
</body>
</html>
`;
  }

  const frontDoor = `${escapeHtml(o.safeguarding.frontDoorName)} on ${escapeHtml(o.safeguarding.frontDoorPhone)}`;
  return `${head}
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-header app-header">
    <div class="govuk-header__container govuk-width-container">
      <div class="govuk-header__content app-header__content">
        <a href="/" class="govuk-header__link govuk-header__service-name">${name}</a>
      </div>
    </div>
  </header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h1 class="govuk-heading-l">${name}</h1>
          <p class="govuk-body-l">Ask about the words, frameworks and strategies of the children's workforce, and get a plain-English answer with its source.</p>
          <p class="govuk-body">Ask in your own words, for example:</p>
          <ul class="govuk-list govuk-list--bullet">
            ${EXAMPLES.map((q) => `<li>${escapeHtml(q)}</li>`).join('\n            ')}
          </ul>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Warning</span>
              If a child is in immediate danger, call 999. If you are worried about a child, contact ${frontDoor}, or tell the chat and it will give you the contacts.
            </strong>
          </div>
        </div>
        <div class="govuk-grid-column-two-thirds">
          ${chatSection(o, '<h2 class="govuk-heading-m" id="chat-heading">Chat</h2>')}
          <p class="govuk-body-s app-chat__privacy">Do not type names or other details that could identify a child or family. Unless your intranet signed you in, the chat does not know who you are.</p>
        </div>
      </div>
    </main>
  </div>
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <p class="govuk-footer__meta-custom">${name} answers from the council's workforce knowledge base. Check anything important with your manager or the source it names.</p>
        </div>
      </div>
    </div>
  </footer>
  ${scripts}
</body>
</html>
`;
}
