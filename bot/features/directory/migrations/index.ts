import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { directory } from './012_directory';
import { installRetries } from './015_install_retries';

/** The directory feature's own tables. */
export const directoryMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '012_directory': () => ({ up: directory }),
    '015_install_retries': () => ({ up: installRetries }),
  },
};
