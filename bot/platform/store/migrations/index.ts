import { MigrationFolder } from './migrationFolder';
import { initial } from './001_initial';
import { delivery } from './002_delivery';
import { answerCounts } from './006_answer_counts';
import { hardening } from './008_hardening';
import { rosters } from './010_rosters';
import { groupNames } from './014_group_names';
import { fanoutDueIndex } from './016_fanout';
import { gapRefs } from './017_gap_refs';

/** The migrations of tables the platform owns, or that span several capabilities. */
export const platformMigrations: MigrationFolder = {
  folder: __dirname,
  migrations: {
    '001_initial': (engine) => ({ up: initial(engine) }),
    '002_delivery': (engine) => ({ up: delivery(engine) }),
    '006_answer_counts': () => ({ up: answerCounts }),
    '008_hardening': () => ({ up: hardening }),
    '010_rosters': () => ({ up: rosters }),
    '014_group_names': () => ({ up: groupNames }),
    '016_fanout': () => ({ up: fanoutDueIndex }),
    '017_gap_refs': () => ({ up: gapRefs }),
  },
};
