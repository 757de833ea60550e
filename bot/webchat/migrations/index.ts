import { MigrationFolder } from '../../platform/store/migrations/migrationFolder';
import { webChat } from './009_webchat';

/** The built-in Direct Line's own tables. */
export const webChatMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '009_webchat': () => ({ up: webChat }),
  },
};
