import { Config } from './config';

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
