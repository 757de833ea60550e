import { Kysely } from 'kysely';
import { channelOf } from '../delivery/channelRecipient';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** A team the app is installed in. */
export interface TeamRecord {
  teamId: string;
  tenantId?: string;
  serviceUrl: string;
  botId: string;
  name?: string;
  generalChannelId: string;
  active: boolean;
  membersReadAt?: string;
}

/** One person on an installed team's roster. */
export interface RosterMember {
  userId: string;
  aadObjectId?: string;
  name?: string;
  email?: string;
}

/** One channel of an installed team; the General channel's id is the team's id. */
export interface TeamChannel {
  teamId: string;
  channelId: string;
  /** The channel's name ("General" for the team's General channel). */
  name: string;
}

/** How to open a personal chat with a roster member who has none yet. */
export interface RosterTarget {
  userId: string;
  aadObjectId?: string;
  tenantId?: string;
  serviceUrl: string;
  botId: string;
}

const CHUNK = 300;

/** Installed teams and their members, the people the bot may reach before they ever chat with it. */
export class TeamRosters {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /** Records (or re-activates) a team the app was installed in. */
  async saveTeam(team: Omit<TeamRecord, 'active' | 'membersReadAt'>): Promise<void> {
    const at = stamp(this.now());
    const values = {
      tenant_id: team.tenantId ?? null,
      service_url: team.serviceUrl,
      bot_id: team.botId,
      name: team.name ?? null,
      general_channel_id: team.generalChannelId,
      active: 1,
      updated_at: at,
    };
    await this.db
      .insertInto('teams')
      .values({ team_id: team.teamId, created_at: at, ...values })
      .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
      .execute();
  }

  /** The app was removed from a team: its members are no longer reachable through it. */
  async deactivateTeam(teamId: string): Promise<void> {
    await this.db
      .updateTable('teams')
      .set({ active: 0, updated_at: stamp(this.now()) })
      .where('team_id', '=', teamId)
      .execute();
  }

  async team(teamId: string): Promise<TeamRecord | undefined> {
    const row = await this.db.selectFrom('teams').selectAll().where('team_id', '=', teamId).executeTakeFirst();
    return row ? toTeam(row) : undefined;
  }

  async activeTeams(): Promise<TeamRecord[]> {
    const rows = await this.db.selectFrom('teams').selectAll().where('active', '=', 1).orderBy('name').execute();
    return rows.map(toTeam);
  }

  /** Replaces the channels stored for a team with a fresh read from the Bot Connector; the General channel is always among them. */
  async replaceChannels(teamId: string, channels: { channelId: string; name?: string }[]): Promise<void> {
    const at = stamp(this.now());
    const byId = new Map<string, string | null>([[teamId, 'General']]);
    for (const c of channels) if (c.channelId && c.channelId !== teamId) byId.set(c.channelId, c.name?.trim() ? c.name.trim().slice(0, 300) : null);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('team_channels').where('team_id', '=', teamId).execute();
      const rows = [...byId].map(([channel_id, name]) => ({ team_id: teamId, channel_id, name, updated_at: at }));
      for (let i = 0; i < rows.length; i += CHUNK)
        await trx
          .insertInto('team_channels')
          .values(rows.slice(i, i + CHUNK))
          .execute();
    });
  }

  /**
   * The channels of the teams the app is installed in, General first then by name; a team whose
   * channels were never read still offers its General channel.
   */
  async channels(): Promise<TeamChannel[]> {
    const teams = await this.activeTeams();
    const rows = teams.length
      ? await this.db
          .selectFrom('team_channels')
          .selectAll()
          .where(
            'team_id',
            'in',
            teams.map((t) => t.teamId),
          )
          .execute()
      : [];
    const out: TeamChannel[] = [];
    for (const team of teams) {
      const mine = rows.filter((r) => r.team_id === team.teamId && r.channel_id !== team.teamId);
      out.push({ teamId: team.teamId, channelId: team.teamId, name: 'General' });
      for (const r of mine.sort((a, b) => (a.name ?? a.channel_id).localeCompare(b.name ?? b.channel_id)))
        out.push({ teamId: team.teamId, channelId: r.channel_id, name: r.name ?? r.channel_id });
    }
    return out;
  }

  /** Adds or refreshes members (a page of the roster, or people who just joined). */
  async addMembers(teamId: string, members: RosterMember[]): Promise<void> {
    const at = stamp(this.now());
    for (let i = 0; i < members.length; i += CHUNK) {
      const rows = members.slice(i, i + CHUNK).map((m) => ({
        team_id: teamId,
        user_id: m.userId,
        aad_object_id: m.aadObjectId ?? null,
        name: m.name ?? null,
        email: m.email ?? null,
        active: 1,
        updated_at: at,
      }));
      await this.db
        .insertInto('roster_members')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['team_id', 'user_id']).doUpdateSet((eb) => ({
            aad_object_id: eb.ref('excluded.aad_object_id'),
            name: eb.ref('excluded.name'),
            email: eb.ref('excluded.email'),
            active: 1,
            updated_at: at,
          })),
        )
        .execute();
    }
  }

  /** Marks members who left the team; they stay reachable only through other teams or their own chat. */
  async removeMembers(teamId: string, userIds: string[]): Promise<void> {
    const at = stamp(this.now());
    for (let i = 0; i < userIds.length; i += CHUNK) {
      await this.db
        .updateTable('roster_members')
        .set({ active: 0, updated_at: at })
        .where('team_id', '=', teamId)
        .where('user_id', 'in', userIds.slice(i, i + CHUNK))
        .execute();
    }
  }

  /** Ends a full roster read: members it did not list have left the team. Returns how many left. */
  async finishRead(teamId: string, listed: Set<string>): Promise<number> {
    const rows = await this.db.selectFrom('roster_members').select('user_id').where('team_id', '=', teamId).where('active', '=', 1).execute();
    const gone = rows.map((r) => r.user_id).filter((u) => !listed.has(u));
    await this.removeMembers(teamId, gone);
    await this.db
      .updateTable('teams')
      .set({ members_read_at: stamp(this.now()) })
      .where('team_id', '=', teamId)
      .execute();
    return gone.length;
  }

  /** Everyone on the roster of an installed team, once each, with how to open a chat with them. */
  async reachableMembers(): Promise<RosterTarget[]> {
    const rows = await this.memberQuery().orderBy('roster_members.user_id').execute();
    return dedupe(rows);
  }

  /** Roster targets of some people (those without a personal chat), at most one each. */
  async targetsOf(userIds: string[]): Promise<Map<string, RosterTarget>> {
    const out = new Map<string, RosterTarget>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.memberQuery()
        .where('roster_members.user_id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const t of dedupe(rows)) out.set(t.userId, t);
    }
    return out;
  }

  /**
   * Where channel recipients ("channel:<team>|<channel>") are posted: the channel, through its team's
   * service URL, for teams the app is still installed in.
   */
  async channelTargets(recipients: string[]): Promise<Map<string, { conversationId: string; serviceUrl: string; tenantId?: string }>> {
    const out = new Map<string, { conversationId: string; serviceUrl: string; tenantId?: string }>();
    const wanted = recipients.map((r) => ({ r, ...channelOf(r) })).filter((c): c is { r: string; team: string; channel: string } => !!c.team);
    if (!wanted.length) return out;
    const teams = await this.db
      .selectFrom('teams')
      .selectAll()
      .where('active', '=', 1)
      .where('team_id', 'in', [...new Set(wanted.map((w) => w.team))])
      .execute();
    const byId = new Map(teams.map((t) => [t.team_id, t]));
    for (const w of wanted) {
      const team = byId.get(w.team);
      if (team) out.set(w.r, { conversationId: w.channel, serviceUrl: team.service_url, tenantId: team.tenant_id ?? undefined });
    }
    return out;
  }

  /** Active members of one team, for channel audiences and counts. */
  async membersOf(teamId: string): Promise<RosterMember[]> {
    const rows = await this.db.selectFrom('roster_members').selectAll().where('team_id', '=', teamId).where('active', '=', 1).orderBy('user_id').execute();
    return rows.map((r) => ({ userId: r.user_id, aadObjectId: r.aad_object_id ?? undefined, name: r.name ?? undefined, email: r.email ?? undefined }));
  }

  /** Erases a person from every roster ("delete my data"); the next roster read may list them again. */
  async deleteForUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('roster_members').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private memberQuery() {
    return this.db
      .selectFrom('roster_members')
      .innerJoin('teams', 'teams.team_id', 'roster_members.team_id')
      .select(['roster_members.user_id', 'roster_members.aad_object_id', 'teams.tenant_id', 'teams.service_url', 'teams.bot_id'])
      .where('roster_members.active', '=', 1)
      .where('teams.active', '=', 1);
  }
}

function dedupe(rows: { user_id: string; aad_object_id: string | null; tenant_id: string | null; service_url: string; bot_id: string }[]): RosterTarget[] {
  const seen = new Map<string, RosterTarget>();
  for (const r of rows) {
    if (!seen.has(r.user_id))
      seen.set(r.user_id, {
        userId: r.user_id,
        aadObjectId: r.aad_object_id ?? undefined,
        tenantId: r.tenant_id ?? undefined,
        serviceUrl: r.service_url,
        botId: r.bot_id,
      });
  }
  return [...seen.values()];
}

function toTeam(row: DatabaseSchema['teams']): TeamRecord {
  return {
    teamId: row.team_id,
    tenantId: row.tenant_id ?? undefined,
    serviceUrl: row.service_url,
    botId: row.bot_id,
    name: row.name ?? undefined,
    generalChannelId: row.general_channel_id,
    active: row.active === 1,
    membersReadAt: row.members_read_at ?? undefined,
  };
}
