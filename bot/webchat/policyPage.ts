import { escapeHtml } from '../platform/http/escapeHtml';

/** What a policy page needs: the bot's name, the page title and its text (paragraphs separated by blank lines). */
export interface PolicyPageOptions {
  botName: string;
  title: string;
  text: string;
  /** Added to the stylesheet URL so a new release is fetched rather than taken from the cache. */
  version: string;
}

/** Splits configured text into paragraphs; a literal "\n" counts as a line break, as .env files carry them. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A plain GOV.UK-styled page for the privacy notice or terms of use that the Teams app package
 * links to; no scripts, text only (escaped), so it needs nothing but the shared stylesheet.
 */
export function renderPolicyPage(o: PolicyPageOptions): string {
  const name = escapeHtml(o.botName);
  const title = escapeHtml(o.title);
  const body = paragraphsOf(o.text)
    .map((p) => `<p class="govuk-body">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n        ');
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} \u2013 ${name}</title>
  <link rel="stylesheet" href="/webchat/govuk-frontend.min.css?v=${encodeURIComponent(o.version)}">
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-header"><div class="govuk-header__container govuk-width-container"><a href="/" class="govuk-header__link govuk-header__service-name">${name}</a></div></header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <h1 class="govuk-heading-l">${title}</h1>
        ${body}
    </main>
  </div>
</body>
</html>`;
}
