import { RunningBot, startBot } from '../../helpers/runningBot';
import { FakeEntraId, signedInCaller, ssoEnv } from './ssoTestKit';

/** The first of two content editors, the one `call` names Erin. */
export const EDITOR_ONE = 'aaaaaaaa-0000-4000-8000-0000000000e1';
/** The second content editor, for approving another's draft. */
export const EDITOR_TWO = 'aaaaaaaa-0000-4000-8000-0000000000e2';
/** A comms user without the content editor role. */
export const COMMS_ONLY = 'aaaaaaaa-0000-4000-8000-0000000000e3';

/** A dashboard editor API suite: the stand-in Entra ID, the running bot, and a signed-in caller. */
export interface EditorApiSuite {
  entra: FakeEntraId;
  bot: RunningBot;
  call: ReturnType<typeof signedInCaller>;
}

/**
 * Registers the suite's hooks: a stand-in Entra ID and a bot where EDITOR_ONE and EDITOR_TWO edit
 * content and COMMS_ONLY runs comms. `call` signs in as someone to the dashboard API under `prefix`;
 * `bot` is set once the suite has started.
 */
export function editorApiSuite(prefix: string): EditorApiSuite {
  const entra = new FakeEntraId();
  const suite: EditorApiSuite = {
    entra,
    bot: undefined as unknown as RunningBot,
    call: signedInCaller(
      entra,
      () => suite.bot.url,
      prefix,
      (as) => (as === EDITOR_ONE ? 'Erin Editor' : 'Evan Editor'),
    ),
  };
  before(async () => {
    const jwksUrl = await entra.start();
    suite.bot = await startBot({ ...ssoEnv(jwksUrl), CONTENT_EDITORS: `${EDITOR_ONE},${EDITOR_TWO}`, COMMS_USERS: COMMS_ONLY, CONTENT_POLL_MS: '60000' });
  });
  after(async () => {
    await suite.bot?.stop();
    await entra.stop();
  });
  return suite;
}
