import { MigrationFolder } from '../../../platform/store/migrations/migrationFolder';
import { surveys } from './004_surveys';
import { pulseAnonymity } from './007_pulse_anonymity';

/** The pulse surveys' own tables (and, from 004, the admin API's idempotency keys). */
export const surveysMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '004_surveys': (engine) => ({ up: surveys(engine) }),
    '007_pulse_anonymity': (engine) => ({ up: pulseAnonymity(engine) }),
  },
};
