import { Kysely } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** What a staff member has told the bot about their work. */
export interface Profile {
  userId: string;
  aadObjectId?: string;
  sector?: string;
  role?: string;
  locality?: string;
  team?: string;
  authority?: string;
  /** ISO date (YYYY-MM-DD) they started in their role. */
  startDate?: string;
  topics: string[];
  /** HH:mm, Europe/London; both set or neither. */
  quietStart?: string;
  quietEnd?: string;
  updatedAt?: string;
}

type Row = DatabaseSchema['profiles'];

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
const orUndefined = (v: string | null): string | undefined => v ?? undefined;

function toProfile(row: Row): Profile {
  return {
    userId: row.user_id,
    aadObjectId: orUndefined(row.aad_object_id),
    sector: orUndefined(row.sector),
    role: orUndefined(row.role),
    locality: orUndefined(row.locality),
    team: orUndefined(row.team),
    authority: orUndefined(row.authority),
    startDate: orUndefined(row.start_date),
    topics: JSON.parse(row.topics) as string[],
    quietStart: orUndefined(row.quiet_start),
    quietEnd: orUndefined(row.quiet_end),
    updatedAt: row.updated_at,
  };
}

/** Staff profiles, keyed by the user id of the channel they talk to the bot on. */
export class Profiles {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async get(userId: string): Promise<Profile | undefined> {
    const row = await this.db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row ? toProfile(row) : undefined;
  }

  /** Saves a whole profile, replacing what was there. */
  async save(profile: Profile): Promise<void> {
    const at = stamp(this.now());
    const values = {
      aad_object_id: orNull(profile.aadObjectId),
      sector: orNull(profile.sector),
      role: orNull(profile.role),
      locality: orNull(profile.locality),
      team: orNull(profile.team),
      authority: orNull(profile.authority),
      start_date: orNull(profile.startDate),
      topics: JSON.stringify(profile.topics),
      quiet_start: orNull(profile.quietStart),
      quiet_end: orNull(profile.quietEnd),
      updated_at: at,
    };
    await this.db
      .insertInto('profiles')
      .values({ user_id: profile.userId, created_at: at, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
  }

  async delete(userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('profiles').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The profiles of many people at once; those without one are left out. */
  async many(userIds: string[]): Promise<Map<string, Profile>> {
    const out = new Map<string, Profile>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('profiles')
        .selectAll()
        .where('user_id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(row.user_id, toProfile(row));
    }
    return out;
  }

  /** Every profile; audiences are filtered from these. */
  async all(): Promise<Profile[]> {
    const rows = await this.db.selectFrom('profiles').selectAll().orderBy('user_id').execute();
    return rows.map(toProfile);
  }
}
