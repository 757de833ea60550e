import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { ManifestConfig } from './manifestConfig';
import { schemaUrlFor } from './validateManifest';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER_NAME } from './searchCommand';

/** The Teams app manifest shape for the schema version this package is built against. */
export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

/** The manifest schema version: the newest released one that @microsoft/app-manifest bundles. */
export const MANIFEST_VERSION: TeamsManifest['manifestVersion'] = '1.30';
/** Where Microsoft publishes that schema; editors use it, the build validates against the bundled copy. */
export const MANIFEST_SCHEMA_URL = schemaUrlFor(MANIFEST_VERSION);

/** File names of the icons inside the package, as the manifest refers to them. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** GOV.UK Frontend's brand blue: the colour icon's background and Teams' tile colour. */
export const ACCENT_COLOR = '#1d70b8';

type CommandList = NonNullable<NonNullable<TeamsManifest['bots']>[number]['commandLists']>[number];
type Command = CommandList['commands'][number];

// Titles are the words Teams inserts in the compose box, so they are the words the bot recognises.
const HELP: Command = { title: 'help', description: 'What I can do and how to ask' };
const GLOSSARY: Command = { title: 'glossary', description: 'What a term or acronym means, e.g. "what is CAF"' };
const PULSE: Command = { title: 'pulse', description: 'Answer an open pulse survey (anonymous, under a minute)' };
const TRAINING: Command = { title: 'training', description: 'Find courses and sessions, e.g. "next safeguarding course"' };
const BRIEFINGS: Command = { title: 'briefings', description: 'Read the latest workforce strategy briefings' };
const SETTINGS: Command = { title: 'settings', description: 'See and change your preferences' };

const SHORT_DESCRIPTION = 'Ask what terms mean, answer pulse surveys, find training and read briefings';

/** The full description, written for the staff who will see it on the app's details page. */
function fullDescription(appName: string): string {
  return [
    `${appName} helps everyone in the children's workforce - social workers, family support workers, ` +
      'teaching assistants, health visitors, school nurses, youth workers, early-years practitioners, ' +
      'volunteers and more - share a common language and keep up to date.',
    '- Ask what a term or acronym means ("what is CAF?", "who can be a lead professional?") and get a ' + 'plain-English answer with its source.',
    '- Answer short pulse surveys in under a minute. Answers are anonymous: results are only shown for ' + 'groups large enough that nobody can be identified.',
    '- Find training: induction, CAF and lead professional, multi-agency safeguarding and more.',
    '- Read strategy briefings from your workforce development and communications team.',
    "If you are worried about a child's safety, say so: you will be given your local safeguarding " +
      'contacts straight away. The assistant does not replace your local safeguarding procedures.',
  ].join('\n\n');
}

/**
 * Builds the Teams app manifest: the bot in personal, team and group chat scopes, the glossary
 * search message extension, the dashboard tab and single sign-on, all pointing at BOT_DOMAIN.
 */
export function createManifest(config: ManifestConfig): TeamsManifest {
  const { botId, botDomain } = config;
  const site = `https://${botDomain}`;
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: config.version,
    id: config.appId,
    developer: { ...config.developer },
    name: { ...config.name },
    description: { short: SHORT_DESCRIPTION, full: fullDescription(config.name.full) },
    icons: { ...ICON_FILES },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands: [HELP, GLOSSARY, PULSE, TRAINING, BRIEFINGS, SETTINGS] },
          // In shared conversations everyone sees the reply, so personal commands stay in the 1:1 chat.
          { scopes: ['team', 'groupChat'], commands: [HELP, GLOSSARY, TRAINING, BRIEFINGS] },
        ],
      },
    ],
    composeExtensions: [
      {
        botId,
        commands: [
          {
            id: SEARCH_COMMAND_ID,
            type: 'query',
            title: 'Search the glossary',
            description: 'Find a term or acronym and share its meaning in the conversation',
            initialRun: true,
            context: ['compose', 'commandBox'],
            parameters: [{ name: SEARCH_PARAMETER_NAME, title: 'Term', description: 'A term or acronym, e.g. CAF', inputType: 'text' }],
          },
        ],
      },
    ],
    staticTabs: [
      {
        entityId: 'dashboard',
        name: 'Dashboard',
        contentUrl: `${site}/dashboard?inTeams=1`,
        websiteUrl: `${site}/dashboard`,
        scopes: ['personal'],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [botDomain],
    // Single sign-on: the tab asks Teams for a token for this Entra ID app, exposed at this URI.
    webApplicationInfo: { id: botId, resource: `api://${botDomain}/${botId}` },
    // The dashboard does not call app.notifySuccess(), so Teams must not wait for it.
    showLoadingIndicator: false,
    isFullScreen: false,
  };
}
