import { Kysely } from 'kysely';
import { DatabaseSchema } from '../../platform/store/schema';

/**
 * The bot's user ids (activity.from.id, what the delivery engine sends to) of people named by
 * Entra ID object id or email: from their personal chats with the bot and from the rosters of the
 * teams the app is installed in (which also give emails), so an owner who never chatted is reached.
 */
export async function ownerRecipients(db: Kysely<DatabaseSchema>, people: readonly string[]): Promise<string[]> {
  const ids = people.filter((p) => !p.includes('@'));
  const emails = people.filter((p) => p.includes('@'));
  const found = new Set<string>();
  if (ids.length) {
    const chats = await db
      .selectFrom('conversation_refs')
      .select('user_id')
      .where((eb) => eb(eb.fn('lower', ['aad_object_id']), 'in', ids))
      .where('active', '=', 1)
      .execute();
    for (const row of chats) found.add(row.user_id);
  }
  if (ids.length || emails.length) {
    const members = await db
      .selectFrom('roster_members')
      .select('user_id')
      .where('active', '=', 1)
      .where((eb) =>
        eb.or([
          ...(ids.length ? [eb(eb.fn('lower', ['aad_object_id']), 'in', ids)] : []),
          ...(emails.length ? [eb(eb.fn('lower', ['email']), 'in', emails)] : []),
        ]),
      )
      .execute();
    for (const row of members) found.add(row.user_id);
  }
  return [...found].sort();
}
