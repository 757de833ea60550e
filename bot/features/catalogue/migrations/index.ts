import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { catalogue } from './013_catalogue';

/** The training catalogue's own tables. */
export const catalogueMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '013_catalogue': () => ({ up: catalogue }),
  },
};
