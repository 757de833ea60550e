/** A complete, valid set of package settings, as a council would give them. */
export const SAMPLE_ENV = {
  MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  BOT_DOMAIN: 'bot.council.gov.uk',
} as const;

/** The package.json version the tests pretend to build. */
export const SAMPLE_VERSION = '1.4.2';

/** The parent environment minus every setting the package reads, so a developer's shell cannot leak in. */
export function isolatedEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'MicrosoftAppId' && name !== 'BOT_DOMAIN' && !name.startsWith('TEAMS_')),
  );
  return { ...env, ...settings };
}
