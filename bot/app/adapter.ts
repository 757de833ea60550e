import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

import { Logger } from 'pino';
import { Config } from '../platform/config';
import { botFrameworkSettings, isLocalMode } from '../platform/botFrameworkSettings';
import { installResilientSigningKeys } from '../platform/http/signingKeys';
import { TURN_LOGGER } from './loggedTurn';
import { messageSizeGuard } from './replySize';
import { ETagConflictError } from '../platform/store/stateDocuments';

/** What the user is told when a turn fails; a lost race on state gets its own, more useful message. */
export function apologyFor(error: unknown): string {
  return error instanceof ETagConflictError
    ? 'That clashed with another message in this conversation arriving at the same moment, so I did not save it. Please send it again.'
    : "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.";
}

/**
 * What incoming tokens are checked against: the public cloud's settings, except that the OpenID
 * metadata address may be replaced (BOT_OPENID_METADATA_URL, e.g. a local stand-in in tests). Naming
 * one parameter makes the SDK take every one from here, so the others are its public-cloud defaults.
 */
function authenticationSettings(config: Config) {
  const settings = botFrameworkSettings(config);
  if (!config.botOpenIdMetadataUrl) return settings;
  return {
    ...settings,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Builds the CloudAdapter from the Bot Framework settings, with an error handler that apologises. */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const settings = authenticationSettings(config);
  const credentials = new ConfigurationServiceClientCredentialFactory(botFrameworkSettings(config));
  if (!isLocalMode(config)) {
    installResilientSigningKeys(
      [config.botOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl],
      logger,
    );
  }
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.use(messageSizeGuard((bytes) => logger.warn({ bytes }, 'shortened a reply that was over the Teams message limit')));
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
