import { Server } from 'restify';
import { contentAsker } from '../../dialogs/content/answerAsk';
import { registerGapReportRoutes } from '../features/answers/gapReportRoutes';
import { registerBriefingRoutes } from '../features/briefings/briefingRoutes';
import { registerCatalogueApiRoutes } from '../features/catalogue/catalogueApiRoutes';
import { registerContentRoutes } from '../features/content/contentRoutes';
import { registerDirectoryRoutes } from '../features/directory/directoryRoutes';
import { registerSurveyRoutes } from '../features/surveys/surveyRoutes';
import { registerTrainingRoutes } from '../features/training/trainingRoutes';
import { adminGate } from '../platform/http/adminGate';
import type { Services } from './services';

/** Registers each feature's HTTP routes, handing each only what it needs (and content's "ask" its renderer from dialogs/). */
export function registerFeatureRoutes(server: Server, services: Services): void {
  const { config, now, logger, roles, idempotencyKeys, directory } = services;
  const admin = adminGate(config.adminApiToken);

  registerGapReportRoutes(server, { admin, gaps: services.store.feedback, now });
  registerBriefingRoutes(server, { admin, briefings: services.briefings, idempotencyKeys, roles, now });
  registerContentRoutes(server, {
    admin,
    editing: services.content.editing,
    idempotencyKeys,
    ask: contentAsker({ knowledge: services.content.knowledge, now, training: services.training.finder, settings: config }),
  });
  registerCatalogueApiRoutes(server, { admin, editing: services.catalogue.editing, idempotencyKeys });
  registerDirectoryRoutes(server, { admin, directory, idempotencyKeys, audienceStore: { ...services.store, directory: directory.audience } });
  registerSurveyRoutes(server, { admin, surveys: services.surveys, idempotencyKeys, roles, logger, now });
  registerTrainingRoutes(server, { finder: services.training.finder, now, publicBaseUrl: config.publicBaseUrl });
}
