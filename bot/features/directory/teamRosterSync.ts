import { Logger } from 'pino';
import { ReadOutcome } from '../../platform/delivery/connectorSender';
import { RosterMember, TeamRosters } from '../../platform/store/teamRosters';

/** The parts of a Teams activity a roster change is read from (no bot framework types). */
export interface TeamActivity {
  type?: string;
  action?: string;
  serviceUrl?: string;
  recipient?: { id?: string };
  membersAdded?: { id?: string; aadObjectId?: string }[];
  membersRemoved?: { id?: string }[];
  conversation?: { tenantId?: string };
  channelData?: unknown;
}

interface TeamChannelData {
  team?: { id?: string; name?: string };
  tenant?: { id?: string };
  /** Teams' event on a team conversation update, e.g. "channelCreated", "channelRenamed", "channelDeleted". */
  eventType?: string;
}

/** Team events after which its channel list is read again. */
const CHANNEL_EVENTS = new Set(['channelCreated', 'channelRenamed', 'channelDeleted', 'channelRestored']);

/** One member as the connector's roster lists them. */
interface ConnectorMember {
  id?: string;
  name?: string;
  aadObjectId?: string;
  objectId?: string;
  email?: string;
  userRole?: string;
}

export interface TeamRosterSyncDependencies {
  rosters: TeamRosters;
  /** GETs on the Bot Connector with the bot's token. */
  connector: { read(url: string): Promise<ReadOutcome> };
  /** Waits for a turn under the shared connector rate limit (the delivery engine's pacer). */
  pace: (tenant: string, key: string) => Promise<void>;
  logger: Logger;
  /** Members per roster page (the connector allows up to 500). */
  pageSize?: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const toMember = (m: ConnectorMember): RosterMember | undefined =>
  // Bots (28:…) are on rosters too; only people can be briefed.
  m.id && !m.id.startsWith('28:') && m.userRole !== 'bot'
    ? { userId: m.id, aadObjectId: m.aadObjectId ?? m.objectId, name: m.name, email: m.email }
    : undefined;

/**
 * Keeps installed teams and their members: an install in a team records it and reads its whole
 * roster through the paged members API; members joining or leaving update it; removing the app
 * from the team takes its members out of every audience reached through it.
 */
export class TeamRosterSync {
  private readonly reading = new Map<string, Promise<number>>();
  private readonly handling = new Set<Promise<void>>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: TeamRosterSyncDependencies) {
    this.sleep = deps.sleep ?? realSleep;
  }

  /** Acts on a team install, removal or member change; other activities are ignored. */
  onActivity(activity: TeamActivity): Promise<void> {
    const handling = this.handle(activity).finally(() => this.handling.delete(handling));
    this.handling.add(handling);
    return handling;
  }

  private async handle(activity: TeamActivity): Promise<void> {
    const data = (activity.channelData ?? {}) as TeamChannelData;
    const teamId = data.team?.id;
    const botId = activity.recipient?.id;
    if (!teamId || !botId || !activity.serviceUrl) return;
    const removed = (activity.membersRemoved ?? []).map((m) => m.id).filter((id): id is string => !!id);
    if ((activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) || removed.includes(botId)) {
      await this.deps.rosters.deactivateTeam(teamId);
      return;
    }
    const added = (activity.membersAdded ?? []).filter((m) => m.id);
    const installed = (activity.type === 'installationUpdate' && activity.action?.startsWith('add')) || added.some((m) => m.id === botId);
    const known = await this.deps.rosters.team(teamId);
    if (installed || (!known?.active && (added.length || removed.length))) {
      // A team seen for the first time (or the app added back) is read in full.
      await this.deps.rosters.saveTeam({
        teamId,
        tenantId: activity.conversation?.tenantId ?? data.tenant?.id,
        serviceUrl: activity.serviceUrl,
        botId,
        name: data.team?.name ?? known?.name,
        generalChannelId: teamId,
      });
      await this.readRoster(teamId);
      await this.readChannels(teamId);
      return;
    }
    if (activity.type !== 'conversationUpdate') return;
    if (data.eventType && CHANNEL_EVENTS.has(data.eventType)) await this.readChannels(teamId);
    if (removed.length) await this.deps.rosters.removeMembers(teamId, removed);
    const joined = added.filter((m) => m.id !== botId);
    if (joined.length)
      await this.readMembers(
        teamId,
        joined.map((m) => m.id!),
      );
  }

  /** Reads a team's whole roster page by page; members no longer listed leave it. Returns how many were read. */
  readRoster(teamId: string): Promise<number> {
    const pending = this.reading.get(teamId);
    if (pending) return pending;
    const reading = this.readAllPages(teamId).finally(() => this.reading.delete(teamId));
    this.reading.set(teamId, reading);
    return reading;
  }

  /** Waits for every roster read under way (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.handling, ...this.reading.values()]);
  }

  private async readAllPages(teamId: string): Promise<number> {
    const team = await this.deps.rosters.team(teamId);
    if (!team) return 0;
    const listed = new Set<string>();
    const base = `${team.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(teamId)}/pagedmembers`;
    let token: string | undefined;
    let count = 0;
    do {
      const url = `${base}?pageSize=${this.deps.pageSize ?? 500}${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
      const page = (await this.get(team.tenantId, teamId, url)) as { members?: ConnectorMember[]; continuationToken?: string };
      const members = (page.members ?? []).map(toMember).filter((m): m is RosterMember => !!m);
      await this.deps.rosters.addMembers(teamId, members);
      for (const m of members) listed.add(m.userId);
      count += members.length;
      token = page.continuationToken || undefined;
    } while (token);
    const left = await this.deps.rosters.finishRead(teamId, listed);
    this.deps.logger.info({ teamId, members: count, left }, 'read a team roster');
    return count;
  }

  /**
   * Reads a team's channels (GET /v3/teams/{teamId}/conversations, paced like a send) and stores
   * them, so a briefing can go to a chosen channel and not only General. Returns how many were read.
   */
  async readChannels(teamId: string): Promise<number> {
    const team = await this.deps.rosters.team(teamId);
    if (!team) return 0;
    const url = `${team.serviceUrl.replace(/\/+$/, '')}/v3/teams/${encodeURIComponent(teamId)}/conversations`;
    const body = (await this.get(team.tenantId, teamId, url)) as { conversations?: { id?: unknown; name?: unknown }[] };
    const channels = (Array.isArray(body.conversations) ? body.conversations : [])
      .filter((c): c is { id: string; name?: unknown } => typeof c.id === 'string' && c.id.length > 0 && c.id.length <= 256)
      .map((c) => ({ channelId: c.id, name: typeof c.name === 'string' ? c.name : undefined }));
    await this.deps.rosters.replaceChannels(teamId, channels);
    this.deps.logger.info({ teamId, channels: channels.length }, "read a team's channels");
    return channels.length;
  }

  /** Reads people who just joined one at a time (GET …/members/{id}), with their directory ids and email. */
  private async readMembers(teamId: string, userIds: string[]): Promise<void> {
    const team = await this.deps.rosters.team(teamId);
    if (!team) return;
    const members: RosterMember[] = [];
    for (const userId of userIds) {
      const url = `${team.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`;
      const member = toMember((await this.get(team.tenantId, teamId, url)) as ConnectorMember);
      if (member) members.push(member);
    }
    await this.deps.rosters.addMembers(teamId, members);
  }

  /** One paced GET, waiting out 429s (Retry-After) and retrying outages a few times. */
  private async get(tenantId: string | undefined, teamId: string, url: string): Promise<unknown> {
    const maxAttempts = this.deps.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      await this.deps.pace(tenantId ?? 'none', `roster:${teamId}`);
      const outcome = await this.deps.connector.read(url);
      if (outcome.ok) return outcome.body ?? {};
      const transient = outcome.status === 429 || outcome.status === 0 || outcome.status >= 500;
      if (!transient || attempt >= maxAttempts) throw new Error(`could not read the roster of ${teamId}: ${outcome.error}`);
      await this.sleep(outcome.retryAfterMs ?? Math.min(30000, 500 * 2 ** attempt));
    }
  }
}
