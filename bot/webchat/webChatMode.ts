import { Config } from '../platform/config';

/**
 * How the intranet page reaches the bot: through Azure Direct Line (a secret is set), through the
 * Direct Line endpoint built into the bot (no cloud account), or not at all.
 */
export type WebChatMode = 'azure' | 'builtin' | 'off';

/**
 * Picks the web chat mode from the settings. The built-in endpoint hands activities to the
 * CloudAdapter without a Bot Framework token, which only local mode accepts; a bot with Azure
 * credentials therefore needs DIRECT_LINE_SECRET for web chat.
 */
export function webChatMode(config: Config): WebChatMode {
  if (config.webChat.directLineSecret) return 'azure';
  // The same test as isLocalMode in ../adapter, kept here so this file needs nothing from botbuilder.
  return config.microsoftApp.appId ? 'off' : 'builtin';
}
