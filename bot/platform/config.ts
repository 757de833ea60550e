import { z } from 'zod';
import { OwnerContacts, parseOwnerContacts } from './ownerContacts';
import { COUNCILS } from '../../knowledge/entry';
import { parseWorkingDays, WorkingHours } from './delivery/deliveryWindow';

/** A placeholder a council must replace; shown as it is so nobody mistakes it for a real number. */
export const PLACEHOLDER = (what: string): string => `[to be set by the council: ${what}]`;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting the bot reads from the environment, with Bot Framework's own names. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be the http(s) address staff reach the bot at, such as https://bot.council.gov.uk' })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  BOT_NAME: z.string().default("Children's Workforce Assistant"),
  AUTHORITY: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().toLowerCase())
    .pipe(z.union([z.enum(COUNCILS), z.literal(''), z.literal('none')]))
    .transform((v) => (v === '' || v === 'none' ? undefined : v)),
  HELP_CONTACT: z.string().default('your line manager or the workforce development team'),
  SAFEGUARDING_FRONT_DOOR_NAME: z.string().default("the children's social care front door"),
  SAFEGUARDING_FRONT_DOOR_PHONE: z.string().default(PLACEHOLDER("children's social care front door phone number")),
  SAFEGUARDING_OUT_OF_HOURS_PHONE: z.string().default(PLACEHOLDER('out-of-hours emergency duty team phone number')),
  SAFEGUARDING_DSL_TEXT: z
    .string()
    .default('Tell your designated safeguarding lead (DSL) or your manager today, and follow your local safeguarding procedures.'),
  SAFEGUARDING_PROCEDURES_URL: optionalText,
  SAFEGUARDING_LADO_PHONE: z.string().default(PLACEHOLDER('LADO (local authority designated officer) phone number')),
  SAFEGUARDING_CRISIS_LINE_PHONE: optionalText,
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: optionalText,
  DATABASE_SCHEMA: optionalText,
  DATABASE_CONNECT_TIMEOUT_SECONDS: positiveInt(30),
  RETENTION_DAYS: positiveInt(365),
  COMMS_USERS: list,
  ADMINS: list,
  ADMIN_API_TOKEN: optionalText,
  CONTENT_EDITORS: list,
  CONTENT_POLL_MS: z.coerce.number().int().min(100).max(60000).default(1000),
  CONTENT_OWNERS: optionalText.transform((v, ctx) => {
    try {
      return parseOwnerContacts(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
  BOT_DOMAIN: optionalText.pipe(
    z
      .string()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'must be a host name only, such as bot.council.gov.uk (no https://, path or port)',
      )
      .optional(),
  ),
  AAD_JWKS_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) address of the Entra ID signing keys' })
    .refine((v) => v.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(v), 'must use https:// (http:// only for localhost)')
    .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  PULSE_MIN_GROUP_SIZE: z.coerce.number().int().min(3).max(25).default(5),
  PULSE_REMINDER_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 10:00')
    .default('10:00'),
  PULSE_LEDGER_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (a random secret kept out of the database)').optional()),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  DELIVERY_WORKER: z.enum(['on', 'off']).default('on'),
  DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().max(10000).default(50),
  DELIVERY_CONVERSATION_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(7),
  DELIVERY_MAX_ATTEMPTS: positiveInt(6),
  DELIVERY_CONCURRENCY: positiveInt(32),
  DELIVERY_BATCH_SIZE: positiveInt(200),
  DELIVERY_LEASE_SECONDS: positiveInt(30),
  DELIVERY_WORKING_DAYS: z
    .string()
    .default('1-5')
    .refine((v) => parseWorkingDays(v) !== undefined, 'must be weekday numbers like 1-5 (Monday to Friday)'),
  DELIVERY_WORKING_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 08:00-18:00')
    .default('08:00-18:00'),
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://directline.botframework.com' })
    .default('https://directline.botframework.com')
    .transform((v) => v.replace(/\/+$/, '')),
  WEBCHAT_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (a random secret shared with the intranet)').optional()),
  WEBCHAT_TOKEN_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  PRIVACY_NOTICE: z.string().optional(),
  TERMS_OF_USE: z.string().optional(),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be the http(s) address of an OpenID metadata document' }).optional()),
  LOCAL_SERVICE_URL_HOSTS: list.pipe(
    z.array(
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+$/, 'each must be a host name such as emulator.internal (no scheme or port)'),
    ),
  ),
  WEBCHAT_EMBED_ORIGINS: list.pipe(
    z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/, 'each must be an origin such as https://intranet.example.gov.uk')),
  ),
  DIRECT_LINE_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (a random secret shared by every replica)').optional()),
  WEBCHAT_STARTS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  WEBCHAT_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  WEBCHAT_KEEPALIVE_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) address of Microsoft Graph with its version, such as https://graph.microsoft.com/v1.0' })
    .default('https://graph.microsoft.com/v1.0')
    .transform((v) => v.replace(/\/+$/, '')),
  GRAPH_LOGIN_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) address of Entra ID sign-in, such as https://login.microsoftonline.com' })
    .default('https://login.microsoftonline.com')
    .transform((v) => v.replace(/\/+$/, '')),
  GRAPH_TEAMS_APP_ID: optionalText,
  GRAPH_GROUPS: list,
  DIRECTORY_SYNC_HOURS: z.coerce.number().min(0).max(168).default(24),
  DIRECTORY_MAPPING_FILE: z.string().default('knowledge/directory/attribute-mapping.yaml'),
  TEAMS_SERVICE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the Bot Connector address for your tenant, such as https://smba.trafficmanager.net/uk/' })
    .default('https://smba.trafficmanager.net/teams/'),
});

export type RawConfig = z.infer<typeof schema>;

/** The bot's settings, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Where staff's browsers and calendars reach the bot (links to calendar files); no trailing slash. */
  publicBaseUrl: string;
  logLevel: RawConfig['LOG_LEVEL'];
  version: string;
  botName: string;
  /** Bot Framework credentials; absent means local mode (no cloud account, unauthenticated). */
  microsoftApp: {
    appId?: string;
    appPassword?: string;
    appType: RawConfig['MicrosoftAppType'];
    tenantId?: string;
  };
  /** The texts of /privacy and /terms (the Teams app package links there by default); paragraphs separated by blank lines. */
  policies: { privacyNotice: string; termsOfUse: string };
  /** How many reverse proxies in front of the bot add X-Forwarded-For, so sign-in limits count real client addresses. */
  trustedProxyHops: number;
  /** Bearer token for /metrics; without it metrics are open in local mode and off with credentials. */
  metricsToken?: string;
  /** Where Bot Framework's token signing keys are announced; absent means Microsoft's public cloud address. */
  botOpenIdMetadataUrl?: string;
  /** Hosts besides loopback that replies may go to in local mode (unsigned requests name their own serviceUrl). */
  localServiceUrlHosts: string[];
  authority?: RawConfig['AUTHORITY'];
  helpContact: string;
  safeguarding: {
    frontDoorName: string;
    frontDoorPhone: string;
    outOfHoursPhone: string;
    dslText: string;
    proceduresUrl?: string;
    /** The local authority designated officer, for worries about an adult who works with children. */
    ladoPhone: string;
    /** A local children's mental health crisis line, shown with NHS 111 for self-harm and suicide; absent means NHS 111 only. */
    crisisLinePhone?: string;
  };
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use instead of the server's default search path. */
  databaseSchema?: string;
  /** How long start-up waits for an unreachable PostgreSQL before giving up. */
  databaseConnectTimeoutMs: number;
  retentionDays: number;
  commsUsers: string[];
  admins: string[];
  adminApiToken?: string;
  /** Content owners who edit and approve knowledge entries in the dashboard (entries as in COMMS_USERS). */
  contentEditors: string[];
  /** How often each replica checks the database for newly published content. */
  contentPollMs: number;
  /** Who to tell in Teams when an entry passes its review date: owner name → Entra ID object ids or emails (CONTENT_OWNERS). */
  contentOwners: OwnerContacts;
  /** The host name the bot is served from in production (BOT_DOMAIN, as in the Teams package); names the dashboard's single sign-on audience. */
  botDomain?: string;
  /** The dashboard (the Teams tab and /dashboard): where Entra ID's signing keys are (browser sessions live in the database). */
  dashboard: {
    /** JSON Web Key Set that Teams single sign-on tokens are checked against. */
    jwksUrl: string;
  };
  /**
   * Pulse surveys: the default anonymity threshold (minimum group size), when reminders go out, and
   * the server secret that keys the participation ledger and seals answers waiting for release
   * (absent with SQLite means a secret kept in a file in the data folder; see ledgerSecret.ts).
   */
  pulses: { defaultThreshold: number; reminderTime: string; ledgerSecret?: string };
  /** Shared Redis for rate limits across replicas; without it the database holds them. */
  redisUrl?: string;
  delivery: {
    worker: boolean;
    ratePerSecond: number;
    conversationRatePerSecond: number;
    maxAttempts: number;
    concurrency: number;
    batchSize: number;
    leaseMs: number;
    working: WorkingHours;
  };
  /** Web chat on the intranet: Azure Direct Line when a secret is set, otherwise the built-in endpoint. */
  webChat: {
    /** Azure Direct Line secret; exchanged for short-lived tokens on the server, never sent to browsers. */
    directLineSecret?: string;
    /** Where Azure Direct Line lives (no trailing slash); a regional or test endpoint may replace it. */
    directLineEndpoint: string;
    /** HS256 secret the intranet signs user tokens with; absent means everyone is anonymous. */
    userTokenSecret?: string;
    /** Lifetime of the built-in endpoint's Direct Line tokens. */
    tokenMinutes: number;
    /** Origins allowed to show the chat page in a frame (the embed widget). */
    embedOrigins: string[];
    /** Signs the built-in endpoint's tokens; the same on every replica. Absent: a key file in DATA_DIR (SQLite only). */
    tokenSecret?: string;
    /** Chats the token route starts per client address per minute, counted across replicas. */
    startsPerMinute: number;
    /** Reverse proxies in front of the bot whose X-Forwarded-For entries name the client address. */
    proxyHops: number;
    /** How often open WebSocket streams get a keep-alive (and their token's expiry is checked). */
    keepAliveSeconds: number;
  };
  /** The organisation's directory: Microsoft Graph (optional), the attribute mapping, and the sync. */
  directory: {
    /** App-only access to Graph (client credentials); absent means no Graph sync, HR imports only. */
    graph?: { tenantId: string; clientId: string; clientSecret: string; baseUrl: string; loginBaseUrl: string };
    /** The app's id in the Teams app catalogue; with it, the sync installs the personal app for people who lack it. */
    teamsAppId?: string;
    /** Entra groups read at every sync. */
    groups: string[];
    /** Hours between scheduled syncs; 0 means on demand only. */
    syncHours: number;
    /** The comms team's mapping from directory attributes to targeting. */
    mappingFile: string;
    /** Where sends to chats opened by installing the app go (the Bot Connector for the tenant's region). */
    teamsServiceUrl: string;
  };
}

/** What /privacy says until a council sets PRIVACY_NOTICE: what the bot keeps, for how long, and how to have it erased. */
function defaultPrivacyNotice(botName: string, helpContact: string, retentionDays: number): string {
  return [
    `${botName} is run by your organisation for its children's workforce. It keeps only what it needs to answer you and to send you briefings, pulse surveys and training reminders.`,
    'It keeps: the settings you choose (sector, role, council, locality, team, start date, topics and quiet hours); where it can reach you in Teams or web chat; the state of your current conversation; which messages it sent you and whether you confirmed reading a briefing; training sessions you asked to be reminded about.',
    "If your organisation connects its staff directory (or imports a partner organisation's staff list), it also keeps your name, email, department, job title, office and employer from it, and the Entra groups you are in, so briefings and pulses reach the right people; where the directory says nothing, your own settings are used.",
    `Pulse survey answers are anonymous: they are stored without your id, and results are only shown for groups large enough that nobody can be picked out. Questions the assistant could not answer are kept without your id, with personal details removed, for ${retentionDays} days so the content team can fill the gaps.`,
    'Say "export my data" in the chat to get a copy of everything held about you, and "delete my data" to erase it.',
    `Questions about this notice: ${helpContact}.`,
  ].join('\n\n');
}

/** What /terms says until a council sets TERMS_OF_USE. */
function defaultTermsOfUse(botName: string, helpContact: string): string {
  return [
    `${botName} gives general information about workforce terms, training and strategy for staff and partners of your organisation. It is not professional advice.`,
    "If you are worried about a child, follow your local safeguarding procedures and contact your designated safeguarding lead or the children's social care front door straight away; do not wait for the assistant.",
    `Use it for work only, and do not type personal details about children or families into it. Questions: ${helpContact}.`,
  ].join('\n\n');
}

/** Raised for a bad setting, so start-up can stop with a clear message. */
export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  // An empty value (as .env.example ships them) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (e.DELIVERY_WORKING_HOURS.slice(6) <= e.DELIVERY_WORKING_HOURS.slice(0, 5)) {
    throw new ConfigError('Invalid configuration:\n  DELIVERY_WORKING_HOURS: the end must be after the start, e.g. 08:00-18:00');
  }
  if (e.DATABASE_URL && !e.PULSE_LEDGER_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  PULSE_LEDGER_SECRET: required when DATABASE_URL is set: a random secret of 32+ characters, the same on every replica and kept outside the database (it keys who has answered a pulse)',
    );
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  const graphTenant = e.GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId;
  if ((e.GRAPH_CLIENT_ID || e.GRAPH_CLIENT_SECRET) && !(e.GRAPH_CLIENT_ID && e.GRAPH_CLIENT_SECRET && graphTenant)) {
    throw new ConfigError(
      'Invalid configuration:\n  GRAPH_CLIENT_ID: Microsoft Graph needs GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID (or MicrosoftAppTenantId) together',
    );
  }
  if (e.GRAPH_TEAMS_APP_ID && !e.GRAPH_CLIENT_ID) {
    throw new ConfigError(
      'Invalid configuration:\n  GRAPH_TEAMS_APP_ID: installing the app needs Microsoft Graph: set GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    version,
    botName: e.BOT_NAME,
    microsoftApp: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    policies: {
      privacyNotice: e.PRIVACY_NOTICE ?? defaultPrivacyNotice(e.BOT_NAME, e.HELP_CONTACT, e.RETENTION_DAYS),
      termsOfUse: e.TERMS_OF_USE ?? defaultTermsOfUse(e.BOT_NAME, e.HELP_CONTACT),
    },
    metricsToken: e.METRICS_TOKEN,
    botOpenIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    localServiceUrlHosts: e.LOCAL_SERVICE_URL_HOSTS,
    authority: e.AUTHORITY,
    helpContact: e.HELP_CONTACT,
    safeguarding: {
      frontDoorName: e.SAFEGUARDING_FRONT_DOOR_NAME,
      frontDoorPhone: e.SAFEGUARDING_FRONT_DOOR_PHONE,
      outOfHoursPhone: e.SAFEGUARDING_OUT_OF_HOURS_PHONE,
      dslText: e.SAFEGUARDING_DSL_TEXT,
      proceduresUrl: e.SAFEGUARDING_PROCEDURES_URL,
      ladoPhone: e.SAFEGUARDING_LADO_PHONE,
      crisisLinePhone: e.SAFEGUARDING_CRISIS_LINE_PHONE,
    },
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    retentionDays: e.RETENTION_DAYS,
    commsUsers: e.COMMS_USERS,
    admins: e.ADMINS,
    adminApiToken: e.ADMIN_API_TOKEN,
    contentEditors: e.CONTENT_EDITORS,
    contentPollMs: e.CONTENT_POLL_MS,
    contentOwners: e.CONTENT_OWNERS,
    botDomain: e.BOT_DOMAIN,
    dashboard: { jwksUrl: e.AAD_JWKS_URL },
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    pulses: { defaultThreshold: e.PULSE_MIN_GROUP_SIZE, reminderTime: e.PULSE_REMINDER_TIME, ledgerSecret: e.PULSE_LEDGER_SECRET },
    redisUrl: e.REDIS_URL,
    delivery: {
      worker: e.DELIVERY_WORKER === 'on',
      ratePerSecond: e.DELIVERY_RATE_PER_SECOND,
      conversationRatePerSecond: e.DELIVERY_CONVERSATION_RATE_PER_SECOND,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      concurrency: e.DELIVERY_CONCURRENCY,
      batchSize: e.DELIVERY_BATCH_SIZE,
      leaseMs: e.DELIVERY_LEASE_SECONDS * 1000,
      working: {
        days: parseWorkingDays(e.DELIVERY_WORKING_DAYS) ?? [1, 2, 3, 4, 5],
        start: e.DELIVERY_WORKING_HOURS.slice(0, 5),
        end: e.DELIVERY_WORKING_HOURS.slice(6),
      },
    },
    webChat: {
      directLineSecret: e.DIRECT_LINE_SECRET,
      directLineEndpoint: e.DIRECT_LINE_ENDPOINT,
      userTokenSecret: e.WEBCHAT_TOKEN_SECRET,
      tokenMinutes: e.WEBCHAT_TOKEN_MINUTES,
      embedOrigins: e.WEBCHAT_EMBED_ORIGINS,
      tokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
      startsPerMinute: e.WEBCHAT_STARTS_PER_MINUTE,
      proxyHops: e.WEBCHAT_PROXY_HOPS,
      keepAliveSeconds: e.WEBCHAT_KEEPALIVE_SECONDS,
    },
    directory: {
      graph:
        e.GRAPH_CLIENT_ID && e.GRAPH_CLIENT_SECRET && graphTenant
          ? {
              tenantId: graphTenant,
              clientId: e.GRAPH_CLIENT_ID,
              clientSecret: e.GRAPH_CLIENT_SECRET,
              baseUrl: e.GRAPH_BASE_URL,
              loginBaseUrl: e.GRAPH_LOGIN_BASE_URL,
            }
          : undefined,
      teamsAppId: e.GRAPH_TEAMS_APP_ID,
      groups: e.GRAPH_GROUPS,
      syncHours: e.DIRECTORY_SYNC_HOURS,
      mappingFile: e.DIRECTORY_MAPPING_FILE,
      teamsServiceUrl: e.TEAMS_SERVICE_URL,
    },
  };
}
