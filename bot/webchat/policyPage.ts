import { renderView } from '../platform/http/pageViews';

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
  return renderView('webchat/views/policy.njk', { ...o, paragraphs: paragraphsOf(o.text) });
}
