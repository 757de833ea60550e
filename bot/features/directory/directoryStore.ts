import crypto from 'node:crypto';
import { installRetryAt } from './installRetry';
import { Kysely } from 'kysely';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock, stamp } from '../../platform/store/timestamps';
import { AttributeMapping, DirectoryAttributes, TARGET_FIELDS, Targeting } from './attributeMapping';

/** Where a directory entry came from: Microsoft Graph (the tenant), or a partner's HR import. */
export type DirectorySource = 'graph' | 'hr';

/** A person as the directory knows them, with the targeting their attributes map to. */
export interface DirectoryPerson {
  /** "aad:<object id>" for Graph users, "hr:<email>" for HR imports. */
  personId: string;
  source: DirectorySource;
  aadObjectId?: string;
  email?: string;
  displayName?: string;
  attributes: DirectoryAttributes;
  targeting: Targeting;
  enabled: boolean;
}

/** What a sync or import writes for one person (targeting is worked out from the mapping). */
export type DirectoryPersonInput = Omit<DirectoryPerson, 'targeting' | 'personId'>;

/** How far a directory sync has got. */
export interface DirectorySync {
  syncId: string;
  trigger: string;
  status: 'running' | 'done' | 'failed';
  phase: string;
  users: number;
  groups: number;
  installed: number;
  installProblems: number;
  problem?: string;
  startedAt: string;
  finishedAt?: string;
}

/** How the personal app installation of one user went. */
export interface AppInstall {
  aadObjectId: string;
  status: 'installed' | 'no-chat' | 'failed';
  chatId?: string;
  problem?: string;
  /** Graph's HTTP status when the install or the chat read failed (not stored), so a sender can tell consent from an outage. */
  httpStatus?: number;
  /** Failed installs in a row, as read back (the backoff before trying a refused one again doubles with each). */
  failures?: number;
  /** For a failed install read back: whether its backoff has passed, so the next send may try it again. */
  retryDue?: boolean;
}

type PersonRow = DatabaseSchema['directory_people'];
const CHUNK = 200;
const none = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim().slice(0, 300));

/** The directory's key for a person: Graph's object id, or the lower-cased email of an HR row. */
export function personIdOf(person: Pick<DirectoryPersonInput, 'source' | 'aadObjectId' | 'email'>): string {
  return person.source === 'graph' ? `aad:${person.aadObjectId}` : `hr:${(person.email ?? '').toLowerCase()}`;
}

function toPerson(row: PersonRow): DirectoryPerson {
  const targeting: Targeting = {};
  for (const f of TARGET_FIELDS) if (row[f]) targeting[f] = row[f]!;
  return {
    personId: row.person_id,
    source: row.source as DirectorySource,
    aadObjectId: row.aad_object_id ?? undefined,
    email: row.email ?? undefined,
    displayName: row.display_name ?? undefined,
    attributes: { department: row.department, jobTitle: row.job_title, officeLocation: row.office_location, companyName: row.company_name },
    targeting,
    enabled: row.enabled === 1,
  };
}

/** The directory tables: people, Entra group members, proactive installs, and sync progress. */
export class DirectoryStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /** Adds or refreshes people, mapping their attributes to targeting. */
  async upsertPeople(people: DirectoryPersonInput[], mapping: AttributeMapping): Promise<void> {
    const at = stamp(this.now());
    for (let i = 0; i < people.length; i += CHUNK) {
      const rows = people.slice(i, i + CHUNK).map((p) => {
        const t = mapping.apply(p.attributes);
        return {
          person_id: personIdOf(p),
          source: p.source,
          aad_object_id: p.aadObjectId ?? null,
          email: p.email ? p.email.toLowerCase() : null,
          display_name: none(p.displayName),
          department: none(p.attributes.department),
          job_title: none(p.attributes.jobTitle),
          office_location: none(p.attributes.officeLocation),
          company_name: none(p.attributes.companyName),
          sector: t.sector ?? null,
          role: t.role ?? null,
          locality: t.locality ?? null,
          team: t.team ?? null,
          authority: t.authority ?? null,
          enabled: p.enabled ? 1 : 0,
          seen_at: at,
          updated_at: at,
        };
      });
      await this.db
        .insertInto('directory_people')
        .values(rows)
        .onConflict((oc) =>
          oc.column('person_id').doUpdateSet((eb) => ({
            aad_object_id: eb.ref('excluded.aad_object_id'),
            email: eb.ref('excluded.email'),
            display_name: eb.ref('excluded.display_name'),
            department: eb.ref('excluded.department'),
            job_title: eb.ref('excluded.job_title'),
            office_location: eb.ref('excluded.office_location'),
            company_name: eb.ref('excluded.company_name'),
            sector: eb.ref('excluded.sector'),
            role: eb.ref('excluded.role'),
            locality: eb.ref('excluded.locality'),
            team: eb.ref('excluded.team'),
            authority: eb.ref('excluded.authority'),
            enabled: eb.ref('excluded.enabled'),
            seen_at: eb.ref('excluded.seen_at'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /** Graph users a full read did not list (deleted or disabled since) are no longer in the audience. */
  async disableUnseen(source: DirectorySource, seenBefore: string): Promise<number> {
    const result = await this.db
      .updateTable('directory_people')
      .set({ enabled: 0, updated_at: stamp(this.now()) })
      .where('source', '=', source)
      .where('seen_at', '<', seenBefore)
      .where('enabled', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Maps everyone again with a changed mapping file. Returns how many people's targeting changed. */
  async remap(mapping: AttributeMapping): Promise<number> {
    const rows = await this.db.selectFrom('directory_people').selectAll().execute();
    let changed = 0;
    for (const row of rows) {
      const t = mapping.apply({ department: row.department, jobTitle: row.job_title, officeLocation: row.office_location, companyName: row.company_name });
      const next = { sector: t.sector ?? null, role: t.role ?? null, locality: t.locality ?? null, team: t.team ?? null, authority: t.authority ?? null };
      if (TARGET_FIELDS.every((f) => next[f] === row[f])) continue;
      changed++;
      await this.db
        .updateTable('directory_people')
        .set({ ...next, updated_at: stamp(this.now()) })
        .where('person_id', '=', row.person_id)
        .execute();
    }
    return changed;
  }

  /** Which of these people the directory already holds. */
  async existing(personIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < personIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('directory_people')
        .select('person_id')
        .where('person_id', 'in', personIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.person_id);
    }
    return out;
  }

  /** Everyone enabled in the directory. */
  async enabledPeople(): Promise<DirectoryPerson[]> {
    const rows = await this.db.selectFrom('directory_people').selectAll().where('enabled', '=', 1).orderBy('person_id').execute();
    return rows.map(toPerson);
  }

  /** Which of these object ids are enabled Graph users, the people the app can be installed for. */
  async installablePeople(aadObjectIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const unique = [...new Set(aadObjectIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom('directory_people')
        .select('aad_object_id')
        .where('source', '=', 'graph')
        .where('enabled', '=', 1)
        .where('aad_object_id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) if (r.aad_object_id) out.add(r.aad_object_id);
    }
    return out;
  }

  async person(personId: string): Promise<DirectoryPerson | undefined> {
    const row = await this.db.selectFrom('directory_people').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /** Replaces the members of one group with a fresh transitive read (and its display name, when read). */
  async replaceGroup(groupId: string, members: string[], problem?: string, displayName?: string): Promise<void> {
    const at = stamp(this.now());
    await this.db.transaction().execute(async (trx) => {
      if (!problem) {
        await trx.deleteFrom('directory_group_members').where('group_id', '=', groupId).execute();
        const unique = [...new Set(members)];
        for (let i = 0; i < unique.length; i += 400) {
          await trx
            .insertInto('directory_group_members')
            .values(unique.slice(i, i + 400).map((aad) => ({ group_id: groupId, aad_object_id: aad })))
            .execute();
        }
      }
      const named = displayName ? { display_name: displayName.slice(0, 300) } : {};
      const values = { members: problem ? 0 : new Set(members).size, problem: problem ?? null, synced_at: at, ...named };
      await trx
        .insertInto('directory_groups')
        .values({ group_id: groupId, ...values })
        .onConflict((oc) => oc.column('group_id').doUpdateSet(problem ? { problem: values.problem, synced_at: at } : values))
        .execute();
    });
  }

  /** The groups read so far, with their member counts and any problem reading them. */
  async groups(): Promise<{ groupId: string; displayName?: string; members: number; problem?: string; syncedAt?: string }[]> {
    const rows = await this.db.selectFrom('directory_groups').selectAll().orderBy('group_id').execute();
    return rows.map((r) => ({
      groupId: r.group_id,
      displayName: r.display_name ?? undefined,
      members: r.members,
      problem: r.problem ?? undefined,
      syncedAt: r.synced_at ?? undefined,
    }));
  }

  /** Display names of the groups that have one, by group id (for pickers and audience descriptions). */
  async groupNames(): Promise<Map<string, string>> {
    return new Map((await this.groups()).filter((g) => g.displayName).map((g) => [g.groupId, g.displayName!]));
  }

  /** The object ids of everyone in any of the groups. */
  async membersOf(groupIds: string[]): Promise<Set<string>> {
    if (!groupIds.length) return new Set();
    const rows = await this.db.selectFrom('directory_group_members').select('aad_object_id').where('group_id', 'in', groupIds).execute();
    return new Set(rows.map((r) => r.aad_object_id));
  }

  /** Every group (as last synced) one person is in. */
  async groupsOfPerson(aadObjectId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('directory_group_members').select('group_id').where('aad_object_id', '=', aadObjectId).execute();
    return rows.map((r) => r.group_id);
  }

  /** The groups (of those asked about) one person is in. */
  async groupsOf(aadObjectId: string, groupIds: string[]): Promise<string[]> {
    if (!groupIds.length) return [];
    const rows = await this.db
      .selectFrom('directory_group_members')
      .select('group_id')
      .where('aad_object_id', '=', aadObjectId)
      .where('group_id', 'in', groupIds)
      .execute();
    return rows.map((r) => r.group_id);
  }

  async saveInstall(install: AppInstall): Promise<void> {
    const values = {
      status: install.status,
      chat_id: install.chatId ?? null,
      problem: install.problem ? install.problem.slice(0, 500) : null,
      http_status: install.httpStatus ?? null,
      updated_at: stamp(this.now()),
    };
    const failed = install.status === 'failed';
    await this.db
      .insertInto('app_installs')
      .values({ aad_object_id: install.aadObjectId, ...values, failures: failed ? 1 : 0 })
      .onConflict((oc) => oc.column('aad_object_id').doUpdateSet((eb) => ({ ...values, failures: failed ? eb(eb.ref('app_installs.failures'), '+', 1) : 0 })))
      .execute();
  }

  /** Installation outcomes by object id; a failed one says whether its backoff has passed by now. */
  async installs(): Promise<Map<string, AppInstall>> {
    const rows = await this.db.selectFrom('app_installs').selectAll().execute();
    const now = this.now();
    return new Map(
      rows.map((r) => [
        r.aad_object_id,
        {
          aadObjectId: r.aad_object_id,
          status: r.status as AppInstall['status'],
          chatId: r.chat_id ?? undefined,
          problem: r.problem ?? undefined,
          httpStatus: r.http_status ?? undefined,
          failures: Number(r.failures),
          retryDue: r.status === 'failed' ? installRetryAt(r.updated_at, Number(r.failures)) <= now : undefined,
        },
      ]),
    );
  }

  /** Records that a sync started and returns its id. */
  async startSync(trigger: string): Promise<string> {
    const syncId = crypto.randomUUID();
    await this.db
      .insertInto('directory_syncs')
      .values({
        sync_id: syncId,
        trigger,
        status: 'running',
        phase: 'starting',
        users: 0,
        groups: 0,
        installed: 0,
        install_problems: 0,
        problem: null,
        started_at: stamp(this.now()),
        finished_at: null,
      })
      .execute();
    return syncId;
  }

  async updateSync(syncId: string, change: Partial<Pick<DirectorySync, 'phase' | 'users' | 'groups' | 'installed' | 'installProblems'>>): Promise<void> {
    await this.db
      .updateTable('directory_syncs')
      .set({ phase: change.phase, users: change.users, groups: change.groups, installed: change.installed, install_problems: change.installProblems })
      .where('sync_id', '=', syncId)
      .execute();
  }

  async finishSync(syncId: string, problem?: string): Promise<void> {
    await this.db
      .updateTable('directory_syncs')
      .set({
        status: problem ? 'failed' : 'done',
        phase: problem ? 'failed' : 'done',
        problem: problem ? problem.slice(0, 1000) : null,
        finished_at: stamp(this.now()),
      })
      .where('sync_id', '=', syncId)
      .execute();
  }

  async sync(syncId: string): Promise<DirectorySync | undefined> {
    const row = await this.db.selectFrom('directory_syncs').selectAll().where('sync_id', '=', syncId).executeTakeFirst();
    return row ? toSync(row) : undefined;
  }

  /** The most recent syncs, newest first. */
  async recentSyncs(limit = 10): Promise<DirectorySync[]> {
    const rows = await this.db.selectFrom('directory_syncs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map(toSync);
  }
}

function toSync(r: DatabaseSchema['directory_syncs']): DirectorySync {
  return {
    syncId: r.sync_id,
    trigger: r.trigger,
    status: r.status as DirectorySync['status'],
    phase: r.phase,
    users: r.users,
    groups: r.groups,
    installed: r.installed,
    installProblems: r.install_problems,
    problem: r.problem ?? undefined,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
  };
}
