import { expect } from 'chai';
import { SignJWT } from 'jose';
import { DirectLineClient, shownText } from '../../../helpers/directLineClient';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { FIXED_NOW } from '../../../helpers/testServices';

const SECRET = 'intranet-signs-web-chat-users-with-this-secret';

async function userToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(Math.floor(FIXED_NOW.minus({ minutes: 1 }).toSeconds()))
    .setExpirationTime(Math.floor(FIXED_NOW.plus({ hours: 1 }).toSeconds()))
    .sign(new TextEncoder().encode(SECRET));
}

describe('comms roles for people signed in to web chat by the intranet (built-in Direct Line)', () => {
  let bot: RunningBot;
  let client: DirectLineClient;
  before(async () => {
    bot = await startBot({ WEBCHAT_TOKEN_SECRET: SECRET, COMMS_USERS: 'webchat:E777,casey.comms@council.example.gov.uk' });
    client = new DirectLineClient(bot.url);
  });
  after(() => bot?.stop());

  /** Opens the chat as the page would (optionally signed in) and says one thing; returns what the bot said. */
  async function say(text: string, claims?: Record<string, unknown>): Promise<string> {
    const page = await client.pageToken(claims ? { userToken: await userToken(claims) } : {});
    expect(page.status).to.equal(200);
    const started = await client.start(page.body.token);
    const { replies } = await client.ask(started.body, text, '');
    return replies.map(shownText).join('\n');
  }

  it('recognises a comms officer listed by the subject of their intranet token', async () => {
    expect(await say('new briefing', { sub: 'E777', name: 'Val Comms' })).to.match(/Write the briefing, then choose who/);
  });

  it('recognises a comms officer listed by the email their intranet token carries', async () => {
    expect(await say('new briefing', { sub: 'E888', name: 'Casey Comms', email: 'Casey.Comms@council.example.gov.uk' })).to.match(
      /Write the briefing, then choose who/,
    );
  });

  it('refuses someone signed in but not listed, and an anonymous visitor', async () => {
    expect(await say('new briefing', { sub: 'E999', name: 'Sam Staff', email: 'sam@council.example.gov.uk' })).to.match(/only the communications team/);
    expect(await say('new briefing')).to.match(/only the communications team/);
  });
});
