import { expect } from 'chai';
import { COMMS_ONLY, EDITOR_ONE, EDITOR_TWO, editorApiSuite } from './editorApiSuite';

describe('dashboard training catalogue routes for content editors', () => {
  const suite = editorApiSuite('/dashboard/api/catalogue');
  const { call } = suite;

  it('is for content editors only: a comms user gets 403 and no data, nobody signed in gets 401, and neither changes anything', async () => {
    const paths: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/items'],
      ['GET', '/sessions/caf-2026-12-08'],
      ['GET', '/sessions/caf-2026-12-08/versions'],
      ['POST', '/sessions/caf-2026-12-08', { version: 1, places_left: 0 }],
      ['POST', '/sessions/caf-2026-12-08/approve', { version: 1 }],
      ['POST', '/sessions', { id: 'x-1' }],
      ['POST', '/import/preview', { csv: 'id\n' }],
      ['POST', '/import', { csv: 'id,course,start,end,venue,places_left\nx-2,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Hall,3' }],
    ];
    for (const [method, path, body] of paths) {
      const refused = await call(COMMS_ONLY, method, path, body);
      expect(refused.status, `${method} ${path}`).to.equal(403);
      expect(Object.keys(refused.body).sort()).to.deep.equal(['error', 'message']);
      expect(refused.body.message).to.contain('CONTENT_EDITORS');
      const anonymous = await fetch(`${suite.bot.url}/dashboard/api/catalogue${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(anonymous.status, `${method} ${path}`).to.equal(401);
    }
    expect(await suite.bot.services.catalogue.store.get('session:x-2')).to.equal(undefined);
    expect((await suite.bot.services.catalogue.store.get('session:caf-2026-12-08'))?.draft).to.equal(undefined);
    const page = await fetch(`${suite.bot.url}/dashboard/catalogue`, { redirect: 'manual' });
    expect(page.status).to.equal(303);
  });

  it('a draft needs a second editor; a stale save is a conflict that names who changed it', async () => {
    const read = await call(EDITOR_ONE, 'GET', '/courses/key-worker');
    expect(read.status).to.equal(200);
    const saved = await call(EDITOR_ONE, 'POST', '/courses/key-worker', { version: read.body.version, duration: '2 days' });
    expect(saved.status).to.equal(200);
    const stale = await call(EDITOR_TWO, 'POST', '/courses/key-worker', { version: read.body.version, duration: '3 days' });
    expect(stale.status).to.equal(409);
    expect(stale.body.message).to.contain('Erin Editor');
    const self = await call(EDITOR_ONE, 'POST', '/courses/key-worker/approve', { version: saved.body.version });
    expect(self.status).to.equal(403);
    expect(self.body.error).to.equal('SecondEditorNeeded');
    expect((await call(EDITOR_ONE, 'GET', '/items?filter=drafts')).body.items.map((i: { id: string }) => i.id)).to.deep.equal(['key-worker']);
    const approved = await call(EDITOR_TWO, 'POST', '/courses/key-worker/approve', { version: saved.body.version });
    expect(approved.status).to.equal(200);
    expect(suite.bot.services.training.finder.index.course('key-worker')?.duration).to.equal('2 days');
    expect((await call(EDITOR_ONE, 'GET', '/items?filter=nonsense')).status).to.equal(400);
  });

  it('checks a course as kb:check does: a name another course claims, an unknown role, a missing knowledge entry', async () => {
    const read = await call(EDITOR_ONE, 'GET', '/courses/key-worker');
    const answer = await call(EDITOR_ONE, 'POST', '/courses/key-worker', {
      version: read.body.version,
      aliases: ['caf training'],
      audience: { sectors: ['all'], roles: ['wizard'] },
      related_entries: ['no-such-entry'],
    });
    expect(answer.status).to.equal(422);
    const messages = answer.body.errors.join('\n');
    expect(messages)
      .to.contain('also claimed by course caf-lead-professional')
      .and.to.contain('"wizard" is not a known role')
      .and.to.contain('"no-such-entry" is not a knowledge-base entry');
  });

  it('imports from the dashboard all or nothing', async () => {
    const header = 'id,course,start,end,venue,places_left';
    const bad = [
      header,
      'dash-1,caf-lead-professional,2027-07-06T09:30,2027-07-06T12:30,Hall,3',
      'dash-2,caf-lead-professional,2027-07-07T12:30,2027-07-07T09:30,Hall,3',
    ].join('\n');
    const refused = await call(EDITOR_ONE, 'POST', '/import', { csv: bad });
    expect(refused.status).to.equal(422);
    expect(refused.body.problems).to.deep.equal([{ field: 'line 3', message: 'session dash-2: it must end after it starts' }]);
    expect(await suite.bot.services.catalogue.store.get('session:dash-1')).to.equal(undefined);
    const imported = await call(EDITOR_ONE, 'POST', '/import', { csv: bad.split('\n').slice(0, 2).join('\n') });
    expect(imported.body).to.include({ added: 1, changed: 0 });
    expect(suite.bot.services.training.finder.index.session('dash-1')?.venue).to.equal('Hall');
    expect((await call(EDITOR_ONE, 'POST', '/import', {})).status).to.equal(422);
  });
});
