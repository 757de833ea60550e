import { Server } from 'restify';
import type { Services } from '../app/services';
import { DashboardAccess } from './dashboardAccess';
import { dashboardAssets } from './dashboardAssets';
import { registerDashboardApiRoutes } from './dashboardApiRoutes';
import { registerAuthoringRoutes } from './authoring/authoringRoutes';
import { registerContentDashboardRoutes } from './content/contentDashboardRoutes';
import { registerContentPageRoutes } from './content/contentPageRoutes';
import { registerCatalogueDashboardRoutes } from './catalogueDashboardRoutes';
import { registerCataloguePageRoutes } from './cataloguePageRoutes';
import { DashboardData } from './dashboardData';
import { registerDashboardPageRoutes } from './dashboardPageRoutes';
import { DashboardSessions } from './dashboardSession';
import { SsoTokenVerifier } from './ssoTokenVerifier';

/**
 * Adds the dashboard for comms users and admins (also the Teams tab): the page, its browser
 * sign-in, its files, and the JSON routes it reads pulses, briefings and content gaps from.
 */
export function registerDashboardRoutes(server: Server, services: Services): void {
  const { config, now } = services;
  const sso = new SsoTokenVerifier(
    { appId: config.microsoftApp.appId, botDomain: config.botDomain, tenantId: config.microsoftApp.tenantId, jwksUrl: config.dashboard.jwksUrl },
    now,
  );
  const sessions = new DashboardSessions(services.database.db, now);
  const access = new DashboardAccess({ sso, sessions, roles: services.roles, browserSignIn: Boolean(config.adminApiToken) });
  const data = new DashboardData({
    surveys: services.surveys,
    briefings: services.briefings,
    gaps: services.store.feedback,
    entryTitle: (id) => services.answerer.entry(id)?.title,
    now,
  });
  registerDashboardPageRoutes(server, { config, sessions, assets: dashboardAssets(), now });
  registerDashboardApiRoutes(server, { access, data });
  registerContentDashboardRoutes(server, services, { sso, sessions });
  registerContentPageRoutes(server, { config, sessions });
  registerCatalogueDashboardRoutes(server, services, { sso, sessions });
  registerCataloguePageRoutes(server, { config, sessions });
  registerAuthoringRoutes(server, services, access);
}
