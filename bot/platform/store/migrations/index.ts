import { Migration, MigrationProvider } from 'kysely';
import { Engine } from './columns';
import { initial } from './001_initial';
import { delivery } from './002_delivery';
import { briefings } from './003_briefings';
import { surveys } from './004_surveys';
import { training } from './005_training';
import { answerCounts } from './006_answer_counts';
import { pulseAnonymity } from './007_pulse_anonymity';
import { hardening } from './008_hardening';
import { webChat } from './009_webchat';
import { rosters } from './010_rosters';
import { content } from './011_content';
import { directory } from './012_directory';
import { catalogue } from './013_catalogue';
import { groupNames } from './014_group_names';
import { installRetries } from './015_install_retries';
import { fanoutDueIndex } from './016_fanout';

/**
 * Every schema version in order. Kysely runs the pending ones at start-up in a transaction, and
 * on PostgreSQL under an advisory lock, so replicas starting together migrate once.
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': { up: initial(engine) },
    '002_delivery': { up: delivery(engine) },
    '003_briefings': { up: briefings(engine) },
    '004_surveys': { up: surveys(engine) },
    '005_training': { up: training(engine) },
    '006_answer_counts': { up: answerCounts },
    '007_pulse_anonymity': { up: pulseAnonymity(engine) },
    '008_hardening': { up: hardening },
    '009_webchat': { up: webChat },
    '010_rosters': { up: rosters },
    '011_content': { up: content },
    '012_directory': { up: directory },
    '013_catalogue': { up: catalogue },
    '014_group_names': { up: groupNames },
    '015_install_retries': { up: installRetries },
    '016_fanout': { up: fanoutDueIndex },
  };
  return { getMigrations: async () => migrations };
}
