import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
import { Logger } from 'pino';
import { Config } from './config';

/** True when no Bot Framework credentials are set: the bot accepts unsigned requests (local use). */
export function isLocalMode(config: Config): boolean {
  return !config.microsoftApp.appId;
}

/** Builds the CloudAdapter from the Bot Framework settings, with an error handler that apologises. */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const app = config.microsoftApp;
  const settings = {
    MicrosoftAppId: app.appId ?? '',
    MicrosoftAppPassword: app.appPassword ?? '',
    MicrosoftAppType: app.appType,
    MicrosoftAppTenantId: app.tenantId ?? '',
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, channel: context.activity.channelId }, 'turn failed');
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity("Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.");
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
  return adapter;
}
