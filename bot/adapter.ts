import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
import { Logger } from 'pino';
import { Config } from './config';
import { TURN_LOGGER } from './loggedTurn';
import { ETagConflictError } from './store/stateDocuments';

/** What the user is told when a turn fails; a lost race on state gets its own, more useful message. */
export function apologyFor(error: unknown): string {
  return error instanceof ETagConflictError
    ? 'That clashed with another message in this conversation arriving at the same moment, so I did not save it. Please send it again.'
    : "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.";
}

/** True when no Bot Framework credentials are set: the bot accepts unsigned requests (local use). */
export function isLocalMode(config: Config): boolean {
  return !config.microsoftApp.appId;
}

/** The Bot Framework settings in the names the SDK reads, for the adapter and the delivery engine's tokens alike. */
export function botFrameworkSettings(config: Config) {
  const app = config.microsoftApp;
  return {
    MicrosoftAppId: app.appId ?? '',
    MicrosoftAppPassword: app.appPassword ?? '',
    MicrosoftAppType: app.appType,
    MicrosoftAppTenantId: app.tenantId ?? '',
  };
}

/** Builds the CloudAdapter from the Bot Framework settings, with an error handler that apologises. */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const settings = botFrameworkSettings(config);
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const level = error instanceof ETagConflictError ? 'warn' : 'error';
    // The turn's own logger carries its turn id, so the failure can be found with the rest of the turn.
    const turnLogger = (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? logger;
    turnLogger[level]({ err: error, activityType: context.activity.type, channel: context.activity.channelId }, 'turn failed');
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(apologyFor(error));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
  return adapter;
}
