import { Config } from '../platform/config';
import { renderView } from '../platform/http/pageViews';
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

/**
 * The intranet chat page in GOV.UK Frontend style: the bot's name, what it does, safeguarding
 * contacts, and the Web Chat client. No inline script: the two scripts load from this server and
 * carry the nonce, which the page script hands to Web Chat for its injected styles.
 */
export function renderWebChatPage(o: WebChatPageOptions): string {
  return renderView('webchat/views/chat.njk', {
    botName: o.botName,
    nonce: o.nonce,
    mode: o.mode,
    embedded: o.embedded,
    version: o.version,
    frontDoorName: o.safeguarding.frontDoorName,
    frontDoorPhone: o.safeguarding.frontDoorPhone,
    tokenRoute: TOKEN_ROUTE,
    examples: EXAMPLES,
  });
}
