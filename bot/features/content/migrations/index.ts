import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { content } from './011_content';

/** The content editing feature's own tables. */
export const contentMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '011_content': () => ({ up: content }),
  },
};
