import { expect } from 'chai';
import { RunningBot, settledAfterPublish as settled, startBot } from '../../../helpers/runningBot';
import { adminApiClient } from '../../../helpers/adminApiClient';
import { kinshipEntry as newEntry } from '../../../helpers/contentEntries';

const TOKEN = 'content-admin-token-for-tests';

describe('content admin API', () => {
  let bot: RunningBot;
  let keyCount = 0;
  before(async () => {
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN, CONTENT_POLL_MS: '60000' });
  });
  after(() => bot.stop());

  const { call } = adminApiClient(() => bot.url, TOKEN);
  const create = (body: unknown, key = `key-${++keyCount}`) => call('POST', '/api/content/entries', body, { 'idempotency-key': key });
  const ask = (q: string, draft: boolean) => call('POST', '/api/content/ask', { q, draft });

  it('refuses requests without the admin token', async () => {
    const res = await fetch(`${bot.url}/api/content/entries`);
    expect(res.status).to.equal(401);
  });

  it('lists the shipped entries, seeded into the database as version 1', async () => {
    const { status, body } = await call('GET', '/api/content/entries');
    expect(status).to.equal(200);
    const asye = body.entries.find((e: { id: string }) => e.id === 'asye');
    expect(asye).to.include({ live_version: 1, has_draft: false, kind: 'glossary' });
    expect(body.entries.length).to.equal(bot.services.search.size);
  });

  it('answers 422 listing every problem, including an alias another entry already has', async () => {
    const { status, body } = await create(newEntry({ title: '', kind: 'recipe', body: ' ', aliases: ['newly qualified social worker'] }));
    expect(status).to.equal(422);
    const fields = body.problems.map((p: { field: string }) => p.field);
    expect(fields).to.include.members(['title', 'kind', 'body']);
    const alias = await create(newEntry({ aliases: ['newly qualified social worker'] }));
    expect(alias.status).to.equal(422);
    expect(alias.body.problems[0]).to.deep.include({ field: 'aliases' });
    expect(alias.body.problems[0].message).to.contain('asye');
  });

  it('creates a draft (201 + id) once per Idempotency-Key; the draft answers in the test pane but not in chat', async () => {
    const first = await create(newEntry(), 'same-key');
    expect(first.status).to.equal(201);
    expect(first.body).to.include({ id: 'kinship-carer-allowance', status: 'draft', version: 1 });
    const again = await create(newEntry(), 'same-key');
    expect(again).to.deep.equal(first);
    const duplicate = await create(newEntry());
    expect(duplicate.status).to.equal(409);

    const draftAnswer = await ask('what is the kinship allowance', true);
    expect(draftAnswer.body).to.include({ answered: true, id: 'kinship-carer-allowance', knowledge: 'draft' });
    expect(draftAnswer.body.candidates[0].id).to.equal('kinship-carer-allowance');
    const liveAnswer = await ask('what is the kinship allowance', false);
    expect(liveAnswer.body.id).to.not.equal('kinship-carer-allowance');
  });

  it('refuses an edit from a stale version with a clear conflict, and one without a version with 422', async () => {
    const current = await call('GET', '/api/content/entries/kinship-carer-allowance');
    const first = await call('PATCH', '/api/content/entries/kinship-carer-allowance', { version: current.body.version, owner: 'Kinship Team' });
    expect(first.status).to.equal(200);
    const stale = await call('PATCH', '/api/content/entries/kinship-carer-allowance', { version: current.body.version, owner: 'Someone Else' });
    expect(stale.status).to.equal(409);
    expect(stale.body.message).to.match(/Someone else changed "kinship-carer-allowance".*Nothing was overwritten/);
    const unversioned = await call('PATCH', '/api/content/entries/kinship-carer-allowance', { owner: 'Someone Else' });
    expect(unversioned.status).to.equal(422);
    expect(unversioned.body.problems[0].field).to.equal('version');
    const after = await call('GET', '/api/content/entries/kinship-carer-allowance');
    expect(after.body.draft.owner).to.equal('Kinship Team');
  });

  it('publishes with the API token as approver; chat answers from the new index without a restart', async () => {
    const published = await call('POST', '/api/content/entries/kinship-carer-allowance/publish', {});
    expect(published.status).to.equal(200);
    expect(published.body).to.include({ live_version: 1, status: 'live' });
    await settled(bot);
    const outcome = bot.services.search.search('what is the kinship allowance');
    expect(outcome.answer?.entry.id).to.equal('kinship-carer-allowance');
    const again = await call('POST', '/api/content/entries/kinship-carer-allowance/publish', {});
    expect(again.status).to.equal(409);
    expect(again.body.error).to.equal('NoDraft');
  });

  it('keeps every version with who, when and a diff, and restores an old one as a draft', async () => {
    const current = await call('GET', '/api/content/entries/asye');
    const edited = await call('PATCH', '/api/content/entries/asye', {
      version: current.body.version,
      summary: 'A shorter summary of the assessed and supported year in employment.',
    });
    expect(edited.status).to.equal(200);
    expect((await call('POST', '/api/content/entries/asye/publish', { version: edited.body.version })).status).to.equal(200);
    await settled(bot);
    const versions = await call('GET', '/api/content/entries/asye/versions');
    expect(versions.body.versions.map((v: { version: number }) => v.version)).to.deep.equal([2, 1]);
    expect(versions.body.versions[0]).to.include({ author: 'admin-api', approver: 'admin-api' });
    expect(versions.body.versions[0].diff).to.contain('summary:').and.contain('A shorter summary');

    const now = await call('GET', '/api/content/entries/asye');
    const restored = await call('POST', '/api/content/entries/asye/versions/1/restore', { version: now.body.version });
    expect(restored.status).to.equal(200);
    const draft = await call('GET', '/api/content/entries/asye');
    expect(draft.body.draft.summary).to.equal(versions.body.versions[1].entry.summary);
    expect((await call('POST', '/api/content/entries/asye/versions/9/restore', { version: draft.body.version })).status).to.equal(404);
  });

  it('answers 422 for a test-pane question that is missing', async () => {
    const { status, body } = await call('POST', '/api/content/ask', { draft: 'yes' });
    expect(status).to.equal(422);
    expect(body.problems.map((p: { field: string }) => p.field)).to.deep.equal(['q', 'draft']);
  });
});
