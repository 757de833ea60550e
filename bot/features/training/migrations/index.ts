import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { training } from './005_training';

/** The training feature's own tables. */
export const trainingMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '005_training': (engine) => ({ up: training(engine) }),
  },
};
