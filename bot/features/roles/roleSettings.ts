import { isLocalMode } from '../../platform/botFrameworkSettings';
import { Config } from '../../platform/config';
import { RoleSettings } from './roleService';

/** The role settings from configuration: object ids need MicrosoftAppTenantId once Bot Framework credentials are set. */
export function roleSettingsOf(config: Config): RoleSettings {
  return { commsUsers: config.commsUsers, admins: config.admins, tenantId: config.microsoftApp.tenantId, requireTenant: !isLocalMode(config) };
}
