import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { botFrameworkSettings } from '../botFrameworkSettings';
import { Config } from '../config';

/** Gives the bearer token for calls to the Bot Connector; undefined in local mode (no credentials). */
export type ConnectorTokenProvider = () => Promise<string | undefined>;

/**
 * Tokens from the bot's own Bot Framework credentials, the same ones the adapter uses; the
 * credentials object caches and refreshes them.
 */
export function createConnectorTokenProvider(config: Config): ConnectorTokenProvider {
  const app = config.microsoftApp;
  if (!app.appId) return async () => undefined;
  const factory = new ConfigurationServiceClientCredentialFactory(botFrameworkSettings(config));
  const tenant = app.appType === 'SingleTenant' && app.tenantId ? app.tenantId : AuthenticationConstants.DefaultChannelAuthTenant;
  const credentials = factory.createCredentials(
    app.appId,
    AuthenticationConstants.ToChannelFromBotOAuthScope,
    `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${tenant}`,
    true,
  );
  return async () => {
    const resolved = (await credentials) as unknown as { getToken(): Promise<string> };
    return resolved.getToken();
  };
}
