import { expect } from 'chai';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { fixedClock } from '../../../helpers/testServices';
import { adminSessionCookie } from '../dashboardSignIn';
import { FakeEntraId, ssoEnv } from '../ssoTestKit';

const EDITOR = 'aaaaaaaa-0000-4000-8000-0000000000f1';
const COMMS_ONLY = 'aaaaaaaa-0000-4000-8000-0000000000f2';
const ADMIN_TOKEN = 'content-preview-admin-token';

/** Every action in a card, however deeply nested (action sets, show cards). */
function actionTypes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(actionTypes);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') ? [record.type] : [];
  return [...own, ...Object.values(record).flatMap(actionTypes)];
}

describe('Content page and card preview routes', () => {
  const entra = new FakeEntraId();
  let bot: RunningBot;

  before(async () => {
    const jwksUrl = await entra.start();
    bot = await startBot({ ...ssoEnv(jwksUrl), CONTENT_EDITORS: EDITOR, COMMS_USERS: COMMS_ONLY, ADMIN_API_TOKEN: ADMIN_TOKEN, CONTENT_POLL_MS: '60000' });
  });
  after(async () => {
    await bot?.stop();
    await entra.stop();
  });

  async function preview(as: string, body: unknown, headers: Record<string, string> = {}) {
    const token = await entra.token(fixedClock(), { oid: as, name: 'Pat Preview' });
    const res = await fetch(`${bot.url}/dashboard/api/content/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  it('serves the page only to a signed-in browser or as the Teams tab, with no entry in its HTML', async () => {
    const anonymous = await fetch(`${bot.url}/dashboard/content`, { redirect: 'manual' });
    expect(anonymous.status).to.equal(303);
    expect(anonymous.headers.get('location')).to.equal('/dashboard/sign-in');
    const cookie = await adminSessionCookie(bot.url, ADMIN_TOKEN);
    const page = await fetch(`${bot.url}/dashboard/content`, { headers: { cookie } });
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-security-policy')).to.contain("script-src 'self' 'nonce-");
    const html = await page.text();
    expect(html).to.contain('/dashboard/assets/adaptivecards.min.js').and.to.contain('/dashboard/assets/dashboardContent.js');
    expect(html, 'entries come from the API after sign-in, never in the HTML').to.not.contain('Lead professional');
    for (const asset of ['adaptivecards.min.js', 'markdown-it.min.js', 'dashboardContent.js'])
      expect((await fetch(`${bot.url}/dashboard/assets/${asset}`)).status, asset).to.equal(200);
  });

  it('previews the answer card as each channel gets it: Universal Actions for Teams, submits for web chat', async () => {
    const answer = await preview(EDITOR, { id: 'lead-professional', summary: 'A *new* short answer.' });
    expect(answer.status).to.equal(200);
    expect(answer.body.ok).to.equal(true);
    expect(JSON.stringify(answer.body.teams)).to.contain('A *new* short answer.');
    expect(actionTypes(answer.body.teams)).to.include('Action.Execute').and.to.not.include('Action.Submit');
    expect(actionTypes(answer.body.webchat)).to.include('Action.Submit').and.to.not.include('Action.Execute');
    expect(answer.body.text).to.contain('A *new* short answer.');
    // A preview saves nothing.
    const stored = await bot.services.content.editing.show('lead-professional');
    expect(stored.body.draft).to.equal(null);
  });

  it('answers fields that fail kb:check with every problem, naming its field', async () => {
    const answer = await preview(EDITOR, { id: 'Not An Id', title: '', kind: 'poem', tags: [], summary: 'x'.repeat(401), body: '', status: 'closed' });
    expect(answer.body.ok).to.equal(false);
    const fields = (answer.body.problems as { field: string }[]).map((p) => p.field);
    expect(fields).to.include.members(['id', 'title', 'kind', 'tags', 'summary', 'body']);
  });

  it('is for content editors only, and only from the dashboard itself', async () => {
    expect((await preview(COMMS_ONLY, { id: 'lead-professional' })).status).to.equal(403);
    expect((await preview(EDITOR, { id: 'lead-professional' }, { 'sec-fetch-site': 'cross-site' })).status).to.equal(403);
    const me = await fetch(`${bot.url}/dashboard/api/content/me`, {
      headers: { authorization: `Bearer ${await entra.token(fixedClock(), { oid: EDITOR, name: 'Pat Preview' })}` },
    });
    expect(((await me.json()) as { editor: string }).editor).to.equal(`Pat Preview [${EDITOR}]`);
  });
});
