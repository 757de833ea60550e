/** Where Microsoft Graph and its sign-in live, and the app registration that reads the directory. */
export interface GraphSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Graph's versioned root, e.g. https://graph.microsoft.com/v1.0 (a local stand-in in tests). */
  baseUrl: string;
  /** Entra ID's sign-in root, e.g. https://login.microsoftonline.com. */
  loginBaseUrl: string;
  /** Attempts per request before a throttled or failing call gives up. */
  maxAttempts?: number;
}

/** A Graph call that did not succeed, with Graph's own status and error code. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a Graph request returned: its status and parsed JSON body (undefined when empty). */
export interface GraphResponse {
  status: number;
  body: unknown;
}

export interface GraphClientDependencies {
  fetch?: typeof fetch;
  /** Waits (tests pass one that records and returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Wall-clock milliseconds, for token expiry. */
  nowMs?: () => number;
  /** Waits for a turn under the shared rate limit before every call (the delivery engine's pacer). */
  pace?: () => Promise<void>;
}

/** Longest wait honoured from a Retry-After header; Graph asks for seconds to a few minutes. */
const MAX_WAIT_MS = 5 * 60_000;
/** Tokens are renewed this long before they expire, so none runs out mid-request. */
const TOKEN_SKEW_MS = 5 * 60_000;
const RETRIED = new Set([429, 500, 502, 503, 504]);

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_WAIT_MS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - nowMs), MAX_WAIT_MS);
}

/**
 * A small Microsoft Graph client for the app's own identity (client credentials): the token is
 * cached until shortly before it expires, throttling (429, 503 with Retry-After) is waited out a
 * bounded number of times, and @odata.nextLink pages are followed only on Graph's own host, so the
 * token never goes anywhere else.
 */
export class GraphClient {
  private token?: { value: string; expiresAtMs: number };
  private tokenRequest?: Promise<string>;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly nowMs: () => number;
  private readonly base: URL;
  /** Graph's versioned root without a trailing slash, for @odata.bind links. */
  get baseUrl(): string {
    return this.base.toString().replace(/\/+$/, '');
  }

  /** How many tokens were fetched (reported by the sync, and checked by tests). */
  tokensFetched = 0;

  constructor(
    private readonly settings: GraphSettings,
    private readonly deps: GraphClientDependencies = {},
  ) {
    this.fetch = deps.fetch ?? fetch;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.nowMs = deps.nowMs ?? Date.now;
    this.base = new URL(settings.baseUrl.replace(/\/+$/, '') + '/');
  }

  /** A bearer token for Graph, fetched once and reused until shortly before it expires. */
  async accessToken(): Promise<string> {
    if (this.token && this.nowMs() < this.token.expiresAtMs - TOKEN_SKEW_MS) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const { loginBaseUrl, tenantId, clientId, clientSecret } = this.settings;
    const url = `${loginBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const scope = `${this.base.origin.includes('graph.microsoft') ? this.base.origin : 'https://graph.microsoft.com'}/.default`;
    const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope, grant_type: 'client_credentials' });
    const res = await this.fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!res.ok || !body.access_token) {
      throw new GraphError(
        res.status,
        body.error ?? 'token_error',
        `Entra ID refused the Graph sign-in (${res.status} ${body.error ?? ''}): check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET.`,
      );
    }
    this.tokensFetched++;
    this.token = { value: body.access_token, expiresAtMs: this.nowMs() + Number(body.expires_in ?? 3599) * 1000 };
    return body.access_token;
  }

  /** The absolute address of a Graph path, or of a nextLink after checking it stays on Graph's host. */
  private urlOf(pathOrUrl: string): string {
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const url = new URL(pathOrUrl);
      if (url.origin !== this.base.origin)
        throw new GraphError(0, 'foreignLink', `Graph returned a link to another host (${url.origin}); it was not followed.`);
      return url.toString();
    }
    return new URL(pathOrUrl.replace(/^\/+/, ''), this.base).toString();
  }

  /**
   * One Graph call, retried on throttling and server errors (waiting what Retry-After asks, else
   * backing off) and once with a fresh token when Graph says the token is no longer good.
   */
  async request(method: string, pathOrUrl: string, body?: unknown, headers: Record<string, string> = {}): Promise<GraphResponse> {
    const url = this.urlOf(pathOrUrl);
    const attempts = this.settings.maxAttempts ?? 5;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      await this.deps.pace?.();
      const token = await this.accessToken();
      const res = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const parsed: unknown = text ? safeJson(text) : undefined;
      if (res.status === 401 && !renewed) {
        // The cached token was revoked or expired early: get a new one once.
        renewed = true;
        this.token = undefined;
        attempt--;
        continue;
      }
      if (RETRIED.has(res.status) && attempt < attempts) {
        const wait = retryAfterMs(res.headers.get('retry-after'), this.nowMs()) ?? Math.min(1000 * 2 ** (attempt - 1), 30_000);
        await this.sleep(wait);
        continue;
      }
      return { status: res.status, body: parsed };
    }
  }

  /** A call that must succeed: its body, or a GraphError naming Graph's code. */
  async call<T>(method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await this.request(method, pathOrUrl, body, headers);
    if (res.status >= 400) throw errorOf(res, `${method} ${pathOrUrl}`);
    return res.body as T;
  }

  /** Every page of a Graph collection, following @odata.nextLink until there is none. */
  async *pages<T>(path: string, headers?: Record<string, string>): AsyncGenerator<T[]> {
    let next: string | undefined = path;
    while (next) {
      const page: { value?: T[]; '@odata.nextLink'?: string } = await this.call('GET', next, undefined, headers);
      yield page.value ?? [];
      next = page['@odata.nextLink'];
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The GraphError for a failed response, with Graph's code and message when it sent them. */
export function errorOf(res: GraphResponse, what: string): GraphError {
  const error = (res.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new GraphError(res.status, error?.code ?? `http${res.status}`, `${what} failed with ${res.status}${error?.message ? `: ${error.message}` : ''}`);
}
