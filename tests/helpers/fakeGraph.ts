import http from 'node:http';
import crypto from 'node:crypto';
import { AddressInfo } from 'node:net';

/** A directory user as Graph lists them. */
export interface GraphUser {
  id: string;
  displayName?: string;
  mail?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  companyName?: string | null;
  accountEnabled?: boolean;
}

/** One request the stand-in received. */
export interface GraphCall {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: unknown;
  /** When it arrived (ms since the epoch), so a benchmark can time a run from its first call. */
  at: number;
}

/**
 * A local stand-in for Microsoft Graph and Entra ID's token endpoint, following the documented
 * contract: client-credentials tokens with an expiry, `/users` and
 * `/groups/{id}/transitiveMembers/microsoft.graph.user` paged with `@odata.nextLink` ($top, then a
 * $skiptoken), `teamwork/installedApps` (201 on install, 409 when already there, the chat of an
 * installation), and throttling answered with 429 and Retry-After.
 */
export class FakeGraph {
  readonly calls: GraphCall[] = [];
  readonly users: GraphUser[] = [];
  /** Group id → member user ids (already flattened: transitive). */
  readonly groups = new Map<string, string[]>();
  /** User id → installed app ids with their installation ids. */
  readonly installed = new Map<string, Map<string, string>>();
  /** Users whose chat with the app cannot be read (404), as when Teams has not made it yet. */
  readonly noChat = new Set<string>();
  /** Users for whom installing the app is refused with 403, as when admin consent is missing. */
  readonly forbidInstall = new Set<string>();
  /** Group id → display name, answered by GET /groups/{id}. */
  readonly groupNames = new Map<string, string>();
  readonly clientId = 'graph-client-id';
  readonly clientSecret = 'graph-client-secret';
  readonly tenantId = 'tenant-1';
  /** Page size when the caller sends no $top. */
  pageSize = 100;
  /** Lifetime of issued tokens in seconds. */
  tokenSeconds = 3599;
  /** Answers the next N Graph calls with 429 and this Retry-After. */
  private throttle = { left: 0, retryAfter: '1' };
  private readonly tokens = new Map<string, number>();
  private server?: http.Server;
  /** The stand-in's own clock, in ms, so tests can expire tokens. */
  nowMs = 1_800_000_000_000;
  tokensIssued = 0;

  throttleNext(count: number, retryAfter = '1'): void {
    this.throttle = { left: count, retryAfter };
  }

  /** Makes every token issued so far invalid (as if it had expired). */
  expireTokens(): void {
    this.tokens.clear();
  }

  async start(): Promise<{ baseUrl: string; loginBaseUrl: string }> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const call: GraphCall = {
          method: req.method ?? '',
          path: url.pathname,
          query: url.searchParams,
          authorization: req.headers.authorization,
          body: parseBody(raw, req.headers['content-type']),
          at: Date.now(),
        };
        this.calls.push(call);
        const reply = this.answer(call, `http://${req.headers.host}`);
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return { baseUrl: `${root}/v1.0`, loginBaseUrl: `${root}/login` };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Ids of `users`, rebuilt when users are added, so a benchmark's tens of thousands of installs are not a scan each. */
  private userIds = new Set<string>();

  private hasUser(id: string): boolean {
    if (this.userIds.size !== this.users.length) this.userIds = new Set(this.users.map((u) => u.id));
    return this.userIds.has(id);
  }

  /** Calls to Graph itself (not the token endpoint). */
  graphCalls(): GraphCall[] {
    return this.calls.filter((c) => c.path.startsWith('/v1.0/'));
  }

  private answer(call: GraphCall, root: string): { status: number; headers?: Record<string, string>; body?: unknown } {
    if (call.path === `/login/${this.tenantId}/oauth2/v2.0/token`) return this.issueToken(call);
    if (!call.path.startsWith('/v1.0/')) return notFound('no such route');
    const token = /^Bearer (.+)$/.exec(call.authorization ?? '')?.[1];
    const expires = token ? this.tokens.get(token) : undefined;
    if (!expires || expires <= this.nowMs)
      return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } } };
    if (this.throttle.left > 0) {
      this.throttle.left--;
      return { status: 429, headers: { 'retry-after': this.throttle.retryAfter }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } };
    }
    const path = call.path.slice('/v1.0'.length);
    if (call.method === 'GET' && path === '/users') {
      const filter = call.query.get('$filter');
      const people = filter === 'accountEnabled eq true' ? this.users.filter((u) => u.accountEnabled !== false) : this.users;
      return this.page(
        people.map((u) => select(u, call.query.get('$select'))),
        call,
        root,
      );
    }
    const group = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(path);
    if (call.method === 'GET' && group) {
      const members = this.groups.get(decodeURIComponent(group[1]));
      if (!members) return notFound(`Resource '${group[1]}' does not exist or one of its queried reference-property objects are not present.`);
      const users = members.map((id) => this.users.find((u) => u.id === id)).filter((u): u is GraphUser => !!u);
      return this.page(
        users.map((u) => select(u, call.query.get('$select'))),
        call,
        root,
      );
    }
    const groupOnly = /^\/groups\/([^/]+)$/.exec(path);
    if (call.method === 'GET' && groupOnly) {
      const id = decodeURIComponent(groupOnly[1]);
      if (!this.groups.has(id)) return notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
      return { status: 200, body: select({ id, displayName: this.groupNames.get(id) ?? null } as unknown as GraphUser, call.query.get('$select')) };
    }
    const apps = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (apps) {
      const userId = decodeURIComponent(apps[1]);
      if (!this.hasUser(userId)) return notFound('user not found');
      const mine = this.installed.get(userId) ?? new Map<string, string>();
      this.installed.set(userId, mine);
      if (call.method === 'POST') {
        if (this.forbidInstall.has(userId))
          return {
            status: 403,
            body: {
              error: { code: 'Forbidden', message: 'Missing role permissions on the request. API requires one of TeamsAppInstallation.ReadWriteForUser.All.' },
            },
          };
        const bind = (call.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
        const appId = typeof bind === 'string' ? /appCatalogs\/teamsApps\/([^/']+)$/.exec(bind)?.[1] : undefined;
        if (!appId) return { status: 400, body: { error: { code: 'BadRequest', message: 'teamsApp@odata.bind is required' } } };
        if (mine.has(appId)) return { status: 409, body: { error: { code: 'Conflict', message: 'App is already installed.' } } };
        mine.set(appId, crypto.randomUUID());
        return { status: 201 };
      }
      if (call.method === 'GET') {
        const wanted = /teamsApp\/id eq '([^']+)'/.exec(call.query.get('$filter') ?? '')?.[1];
        const value = [...mine].filter(([appId]) => !wanted || appId === wanted).map(([appId, id]) => ({ id, teamsApp: { id: appId } }));
        return { status: 200, body: { value } };
      }
    }
    const chat = /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/.exec(path);
    if (call.method === 'GET' && chat) {
      const userId = decodeURIComponent(chat[1]);
      const installs = [...(this.installed.get(userId)?.values() ?? [])];
      if (!installs.includes(decodeURIComponent(chat[2])) || this.noChat.has(userId)) return notFound('chat not found');
      return { status: 200, body: { id: `19:${userId}_app@unq.gbl.spaces`, chatType: 'oneOnOne' } };
    }
    return notFound(`no route ${call.method} ${path}`);
  }

  private issueToken(call: GraphCall) {
    const form = call.body as Record<string, string>;
    if (
      form.grant_type !== 'client_credentials' ||
      form.client_id !== this.clientId ||
      form.client_secret !== this.clientSecret ||
      !form.scope?.endsWith('/.default')
    ) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
    }
    const token = crypto.randomBytes(12).toString('hex');
    this.tokens.set(token, this.nowMs + this.tokenSeconds * 1000);
    this.tokensIssued++;
    return { status: 200, body: { token_type: 'Bearer', expires_in: this.tokenSeconds, access_token: token } };
  }

  /** One page of a collection: $top items from the $skiptoken offset, with a nextLink while more remain. */
  private page(items: unknown[], call: GraphCall, root: string) {
    const top = Number(call.query.get('$top') ?? this.pageSize);
    const from = Number(call.query.get('$skiptoken') ?? 0);
    const value = items.slice(from, from + top);
    const body: Record<string, unknown> = { value };
    if (from + top < items.length) {
      const next = new URLSearchParams(call.query);
      next.set('$skiptoken', String(from + top));
      body['@odata.nextLink'] = `${root}${call.path}?${next.toString()}`;
    }
    return { status: 200, body };
  }
}

function notFound(message: string) {
  return { status: 404, body: { error: { code: 'Request_ResourceNotFound', message } } };
}

function select(user: GraphUser, fields: string | null): Record<string, unknown> {
  if (!fields) return { ...user };
  return Object.fromEntries(fields.split(',').map((f) => [f, (user as unknown as Record<string, unknown>)[f] ?? null]));
}

function parseBody(raw: string, type: string | undefined): unknown {
  if (!raw) return undefined;
  if (type?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
