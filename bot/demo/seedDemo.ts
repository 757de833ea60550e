import { Profiles } from '../platform/store/profiles';
import { DemoPerson } from './demoStaff';
import { DemoTeamsClient } from './demoTeamsClient';

/**
 * Puts the simulated staff where a real tenant's would be: each installs the app in their personal
 * scope (through /api/messages, so the bot records the conversation reference and sends its welcome
 * as it would in Teams) and has filled in their settings (sector, role, council, locality).
 */
export async function seedDemo(people: DemoPerson[], deps: { teams: DemoTeamsClient; profiles: Profiles }): Promise<void> {
  for (const person of people) {
    const outcome = await deps.teams.install(person);
    if (outcome.status >= 400) throw new Error(`the bot refused the install of ${person.name}: ${outcome.status} ${outcome.problem ?? ''}`);
    await deps.profiles.save({
      userId: person.userId,
      aadObjectId: person.aadObjectId,
      sector: person.sector,
      role: person.role,
      locality: person.locality,
      authority: person.authority,
      topics: [],
    });
  }
}
