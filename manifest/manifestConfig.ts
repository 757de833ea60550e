import { z } from 'zod';

/** The short name Teams shows under the app icon when TEAMS_APP_NAME is not set. */
export const DEFAULT_APP_NAME = 'Workforce Assistant';
/** The full name shown on the app's details page when neither name is set. */
export const DEFAULT_APP_FULL_NAME = "Children's Workforce Assistant";
/** The publisher shown on the app's details page when TEAMS_DEVELOPER_NAME is not set. */
export const DEFAULT_DEVELOPER_NAME = 'Workforce development team';

const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
// Teams only accepts MAJOR.MINOR.PATCH, so pre-release and build suffixes are refused here too.
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const guid = (what: string) =>
  z
    .string({ error: `required: ${what} (a GUID)` })
    .trim()
    .toLowerCase()
    .regex(GUID, { error: 'must be a GUID such as 00000000-0000-0000-0000-000000000000' });

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters (Teams' limit for ${what})` });

const httpsUrl = z
  .string()
  .trim()
  .max(2048, { error: 'must be at most 2048 characters' })
  .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:' && new URL(v).hostname !== '', {
    error: 'must be a full https:// address, e.g. https://www.council.gov.uk/privacy',
  });

/** A host name only, with a message that says exactly what to remove when a URL was pasted in. */
const hostName = z
  .string({ error: 'required: the host name the bot is served from, e.g. bot.council.gov.uk' })
  .trim()
  .toLowerCase()
  .superRefine((v, ctx) => {
    if (HOST_NAME.test(v)) return;
    const fix = /^[a-z][a-z0-9+.-]*:\/\//.test(v)
      ? 'without a scheme: write bot.council.gov.uk, not https://bot.council.gov.uk'
      : v.includes('/')
        ? 'without a path: write bot.council.gov.uk, not bot.council.gov.uk/api/messages'
        : v.includes(':')
          ? 'without a port: the bot must be served on the standard https port'
          : 'such as bot.council.gov.uk';
    ctx.addIssue({ code: 'custom', message: `must be a host name only, ${fix}` });
  });

/** Every setting the Teams app package reads from the environment. */
const schema = z.object({
  MicrosoftAppId: guid("the bot's Microsoft App ID from its Azure Bot registration"),
  BOT_DOMAIN: hostName,
  TEAMS_APP_ID: guid('the Teams app id').optional(),
  TEAMS_APP_NAME: text(30, "an app's short name").optional(),
  TEAMS_APP_FULL_NAME: text(100, "an app's full name").optional(),
  TEAMS_APP_VERSION: z.string().trim().regex(SEMVER, { error: 'must be a version MAJOR.MINOR.PATCH such as 1.2.0 (no "v", no suffix)' }),
  TEAMS_DEVELOPER_NAME: text(32, "a developer's name").optional(),
  TEAMS_DEVELOPER_URL: httpsUrl.optional(),
  TEAMS_PRIVACY_URL: httpsUrl.optional(),
  TEAMS_TERMS_URL: httpsUrl.optional(),
});

/** What the Teams app manifest is built from, read once from the environment. */
export interface ManifestConfig {
  /** The Teams app's own id (TEAMS_APP_ID, by default the bot's id so upgrades keep the same app). */
  appId: string;
  /** The bot's Microsoft App ID (MicrosoftAppId), also used for single sign-on. */
  botId: string;
  /** The host the bot, its messaging endpoint and its pages are served from (BOT_DOMAIN). */
  botDomain: string;
  /** The app package version (TEAMS_APP_VERSION, by default package.json's version). */
  version: string;
  name: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
}

/** Raised for a missing or malformed setting, so the build can stop with a clear message. */
export class ManifestConfigError extends Error {}

/**
 * Reads and checks the package settings; throws ManifestConfigError naming every bad value.
 * @param env - the environment to read (process.env by default)
 * @param packageVersion - package.json's version, used when TEAMS_APP_VERSION is not set
 */
export function loadManifestConfig(env: NodeJS.ProcessEnv = process.env, packageVersion = '0.0.0'): ManifestConfig {
  // An empty value (as .env.example ships them) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse({ TEAMS_APP_VERSION: packageVersion, ...given }, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const got = typeof i.input === 'string' ? ` (got "${i.input}")` : '';
      const name = i.path.join('.');
      const fromPackage = name === 'TEAMS_APP_VERSION' && !given.TEAMS_APP_VERSION ? ' [defaults to the version in package.json]' : '';
      return `  ${name}: ${i.message}${got}${fromPackage}`;
    });
    throw new ManifestConfigError(`Invalid Teams app package settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const site = `https://${e.BOT_DOMAIN}`;
  const short = e.TEAMS_APP_NAME ?? DEFAULT_APP_NAME;
  return {
    appId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    botId: e.MicrosoftAppId,
    botDomain: e.BOT_DOMAIN,
    version: e.TEAMS_APP_VERSION,
    // A council that renames the app should not be left with the default full name beside it.
    name: { short, full: e.TEAMS_APP_FULL_NAME ?? (e.TEAMS_APP_NAME ? short : DEFAULT_APP_FULL_NAME) },
    developer: {
      name: e.TEAMS_DEVELOPER_NAME ?? DEFAULT_DEVELOPER_NAME,
      websiteUrl: e.TEAMS_DEVELOPER_URL ?? `${site}/`,
      privacyUrl: e.TEAMS_PRIVACY_URL ?? `${site}/privacy`,
      termsOfUseUrl: e.TEAMS_TERMS_URL ?? `${site}/terms`,
    },
  };
}
