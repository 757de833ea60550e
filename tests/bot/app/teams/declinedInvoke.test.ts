import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { botWithConnector } from '../../../helpers/runningBot';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'teams-activities');

function recorded(name: string, serviceUrl: string): Record<string, unknown> {
  const activity = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
  return { ...activity, serviceUrl, id: `${String(activity.id)}-${Date.now()}`, timestamp: new Date().toISOString() };
}

function invoke(name: string, serviceUrl: string, value: unknown): Record<string, unknown> {
  return { ...recorded('16-invoke-task-fetch-personal.json', serviceUrl), name, value };
}

async function post(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('invokes the bot does not offer (recorded Teams activities)', () => {
  const suite = botWithConnector();
  before(function () {
    if (!fs.existsSync(FIXTURES)) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${FIXTURES} is missing`);
      this.skip();
    }
  });

  it('answers task/fetch from an unknown card with a dialog message, not an empty 501', async () => {
    const res = await post(suite.bot.url, recorded('16-invoke-task-fetch-personal.json', suite.serviceUrl));
    expect(res.status).to.equal(200);
    const task = res.body.task as { type: string; value: string };
    expect(task.type).to.equal('message');
    expect(task.value).to.match(/doesn't offer/);
  });

  it('answers task/submit with a dialog message', async () => {
    const res = await post(suite.bot.url, recorded('17-invoke-task-submit-personal.json', suite.serviceUrl));
    expect(res.status).to.equal(200);
    expect((res.body.task as { type: string }).type).to.equal('message');
  });

  it('answers a message extension action submit with a dialog message', async () => {
    const res = await post(suite.bot.url, recorded('19-invoke-composeExtension-submitAction-groupChat.json', suite.serviceUrl));
    expect(res.status).to.equal(200);
    expect((res.body.task as { type: string }).type).to.equal('message');
  });

  it('answers the query settings request with a compose-extension message', async () => {
    const res = await post(suite.bot.url, invoke('composeExtension/querySettingUrl', suite.serviceUrl, { commandId: 'searchGlossary' }));
    expect(res.status).to.equal(200);
    expect(res.body.composeExtension).to.deep.include({ type: 'message' });
  });

  it('answers link unfurling with an empty result', async () => {
    const res = await post(suite.bot.url, invoke('composeExtension/queryLink', suite.serviceUrl, { url: 'https://intranet.example.gov.uk/x' }));
    expect(res.status).to.equal(200);
    expect(res.body.composeExtension).to.deep.equal({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('answers an invoke of an unknown kind with a body that says so', async () => {
    const res = await post(suite.bot.url, invoke('something/new', suite.serviceUrl, {}));
    expect(res.status).to.equal(501);
    expect(res.body.message).to.be.a('string').and.not.be.empty;
  });
});
