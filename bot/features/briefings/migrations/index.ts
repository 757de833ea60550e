import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { briefings } from './003_briefings';

/** The briefings feature's own tables. */
export const briefingsMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '003_briefings': (engine) => ({ up: briefings(engine) }),
  },
};
