import { expect } from 'chai';
import { settledAfterPublish as settled } from '../../../helpers/runningBot';
import { fixedClock } from '../../../helpers/testServices';
import { COMMS_ONLY, EDITOR_ONE, EDITOR_TWO, editorApiSuite } from '../editorApiSuite';

describe('dashboard content routes for content editors', () => {
  const suite = editorApiSuite('/dashboard/api/content');
  const { entra, call } = suite;

  it('is for content editors only: a comms user without the role gets 403 and no data', async () => {
    const refused = await call(COMMS_ONLY, 'GET', '/entries');
    expect(refused.status).to.equal(403);
    expect(refused.body).to.not.have.property('entries');
    expect(refused.body.message).to.contain('CONTENT_EDITORS');
    const anonymous = await fetch(`${suite.bot.url}/dashboard/api/content/entries`);
    expect(anonymous.status).to.equal(401);
  });

  it('filters the list to entries whose review date has passed', async () => {
    const opened = await call(EDITOR_ONE, 'GET', '/entries/best');
    const saved = await call(EDITOR_ONE, 'POST', '/entries/best', { version: opened.body.version, review_by: '2020-01-31' });
    expect((await call(EDITOR_TWO, 'POST', '/entries/best/approve', { version: saved.body.version })).status).to.equal(200);
    // The rebuild after a publish holds the event loop for a moment; waiting keeps this test about the filter.
    await settled(suite.bot);
    const all = await call(EDITOR_ONE, 'GET', '/entries');
    const overdue = await call(EDITOR_ONE, 'GET', '/entries?filter=overdue');
    expect(overdue.status).to.equal(200);
    expect(overdue.body.entries.every((e: { review_by: string }) => e.review_by < overdue.body.today)).to.equal(true);
    const expected = all.body.entries.filter((e: { review_by: string }) => e.review_by < all.body.today).length;
    expect(overdue.body.entries.length).to.equal(expected);
    expect(overdue.body.entries.map((e: { id: string }) => e.id)).to.include('best');
    expect((await call(EDITOR_ONE, 'GET', '/entries?filter=nonsense')).status).to.equal(400);
  });

  it('a draft needs a second editor: its author cannot approve it, another editor can, and the history names both', async () => {
    const current = await call(EDITOR_ONE, 'GET', '/entries/asye');
    const saved = await call(EDITOR_ONE, 'POST', '/entries/asye', { version: current.body.version, owner: 'Practice Development Team' });
    expect(saved.status).to.equal(200);
    const self = await call(EDITOR_ONE, 'POST', '/entries/asye/approve', { version: saved.body.version });
    expect(self.status).to.equal(403);
    expect(self.body.error).to.equal('SecondEditorNeeded');
    const approved = await call(EDITOR_TWO, 'POST', '/entries/asye/approve', { version: saved.body.version });
    expect(approved.status).to.equal(200);
    await settled(suite.bot);
    const versions = await call(EDITOR_TWO, 'GET', '/entries/asye/versions');
    expect(versions.body.versions[0].author).to.contain(EDITOR_ONE);
    expect(versions.body.versions[0].approver).to.contain(EDITOR_TWO);
    expect(versions.body.versions[0].diff).to.contain('owner:');
  });

  it('two editors saving from the same version: the second gets a conflict naming the first, nothing is overwritten', async () => {
    const opened = await call(EDITOR_ONE, 'GET', '/entries/acpc');
    const first = await call(EDITOR_ONE, 'POST', '/entries/acpc', { version: opened.body.version, owner: 'First Owner' });
    expect(first.status).to.equal(200);
    const second = await call(EDITOR_TWO, 'POST', '/entries/acpc', { version: opened.body.version, owner: 'Second Owner' });
    expect(second.status).to.equal(409);
    expect(second.body.message).to.contain('Erin Editor');
    expect((await call(EDITOR_TWO, 'GET', '/entries/acpc')).body.draft.owner).to.equal('First Owner');
  });

  it('refuses changes that are not JSON from the dashboard itself (a form on another site)', async () => {
    const token = await entra.token(fixedClock(), { oid: EDITOR_ONE });
    const form = await fetch(`${suite.bot.url}/dashboard/api/content/entries/acpc`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'owner=x',
    });
    expect(form.status).to.equal(403);
    const crossSite = await call(EDITOR_ONE, 'POST', '/ask', { q: 'what is asye' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).to.equal(403);
  });

  it('starts a new draft from a content gap with the question already in "ways staff ask it"', async () => {
    const { status, body } = await call(EDITOR_ONE, 'GET', `/new?question=${encodeURIComponent('who pays for kinship care')}`);
    expect(status).to.equal(200);
    expect(body.draft.questions).to.deep.equal(['who pays for kinship care']);
    expect(body.draft.review_by).to.equal(fixedClock().plus({ years: 1 }).toISODate());
  });

  it('keeps HTML and script in a field as text, in storage and in what the test pane returns', async () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await call(EDITOR_ONE, 'POST', '/entries', {
      id: 'markup-test',
      title: `Markup test ${script}`,
      kind: 'glossary',
      aliases: ['zzmarkup entry'],
      tags: ['test'],
      summary: `A summary with ${script}`,
      source: 'Test',
      authority: 'national',
      owner: 'Test Team',
      review_by: '2030-01-01',
      status: 'current',
      body: script,
    });
    expect(created.status).to.equal(201);
    const shown = await call(EDITOR_TWO, 'GET', '/entries/markup-test');
    expect(shown.body.draft.title).to.equal(`Markup test ${script}`);
    const asked = await call(EDITOR_TWO, 'POST', '/ask', { q: 'zzmarkup entry', draft: true });
    expect(asked.body.id).to.equal('markup-test');
    expect(asked.body.title).to.equal(`Markup test ${script}`);
  });
});
