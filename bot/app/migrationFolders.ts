import { briefingsMigrations } from '../features/briefings/migrations';
import { catalogueMigrations } from '../features/catalogue/migrations';
import { contentMigrations } from '../features/content/migrations';
import { directoryMigrations } from '../features/directory/migrations';
import { surveysMigrations } from '../features/surveys/migrations';
import { trainingMigrations } from '../features/training/migrations';
import { platformMigrations } from '../platform/store/migrations';
import { MigrationFolder } from '../platform/store/migrations/migrationFolder';
import { webChatMigrations } from '../webchat/migrations';

/** Every folder that holds migrations: a new folder is listed here once, and the store runs them all in name order. */
export const migrationFolders: readonly MigrationFolder[] = [
  platformMigrations,
  briefingsMigrations,
  surveysMigrations,
  trainingMigrations,
  contentMigrations,
  directoryMigrations,
  catalogueMigrations,
  webChatMigrations,
];
