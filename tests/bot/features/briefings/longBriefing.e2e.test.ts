import { expect } from 'chai';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { ACTIVITY_BUDGET_BYTES, serialisedBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../../bot/platform/delivery/messageSize';

const TOKEN = 'long-briefing-admin-token-123';
const READER = '29:long-reader';
const OUTSIDER = '29:long-outsider';

/** A 20,000-character body in Markdown with headings, every word numbered so nothing lost goes unnoticed. */
function longBody(): string {
  const parts: string[] = [];
  let n = 0;
  for (let section = 1; parts.join('\n\n').length < 20000; section += 1) {
    parts.push(`## Section ${section}`);
    parts.push(Array.from({ length: 60 }, () => `word${(n += 1)}`).join(' ') + '.');
  }
  return parts
    .join('\n\n')
    .slice(0, 20000)
    .replace(/\s+\S*$/, '');
}

describe('a 20,000-character briefing reaches Teams under the message limit', function () {
  this.timeout(30000);
  const connector = new FakeConnector();
  const clock = movableClock('2026-11-24T10:00:00');
  let bot: RunningBot;
  let serviceUrl: string;
  const body = longBody();

  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const from = (id: string, channelId = 'msteams') => ({
    channelId,
    serviceUrl,
    from: { id },
    recipient: { id: '28:bot' },
    conversation: { id: `a:${id}`, conversationType: 'personal', tenantId: 'tenant-1' },
  });
  const taskModule = (id: string, name: string, data: Record<string, unknown>) =>
    post({ ...from(id), type: 'invoke', name, value: { data, context: { theme: 'default' } } });

  let briefingId = 0;
  let readAction: Record<string, unknown> = {};

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN, COMMS_USERS: 'aad-long-author' }, { now: clock.now });
    for (const id of [READER, OUTSIDER]) await post({ ...from(id), type: 'message', text: 'hi' });
    await bot.services.store.profiles.save({ userId: READER, sector: 'health', role: 'health-visitor', topics: [] });
    await bot.services.store.profiles.save({ userId: OUTSIDER, sector: 'education', role: 'teaching-assistant', topics: [] });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it('is accepted by the admin API with a note about its length', async () => {
    expect(body.length).to.be.within(19900, 20000);
    const res = await fetch(`${bot.url}/api/briefings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'long-1' },
      body: JSON.stringify({
        title: 'The long strategy',
        summary: 'What the new strategy means for you.',
        body,
        audience: { sectors: ['health'] },
        link: 'https://intranet.example.gov.uk/strategy',
      }),
    });
    expect(res.status).to.equal(201);
    const created = (await res.json()) as { id: number; notes: string[] };
    briefingId = created.id;
    expect(created.notes.join(' ')).to.match(/too long to show in full on a Teams card/);
  });

  it('delivers a card under 28 KB with the opening, headings as bold lines, and "Read the full briefing"', async () => {
    await bot.services.delivery.drain();
    const delivered = connector.calls.filter(
      (c) => c.method === 'POST' && c.conversationId === `a:${READER}` && JSON.stringify(c.body).includes('The long strategy'),
    );
    expect(delivered).to.have.length(1);
    const bytes = serialisedBytes(delivered[0].body);
    expect(bytes, `delivered activity is ${bytes} bytes`).to.be.below(TEAMS_MESSAGE_LIMIT_BYTES);
    const json = JSON.stringify(delivered[0].body);
    expect(json).to.include('**Section 1**').and.not.include('## Section');
    const card = (delivered[0].body!.attachments as { content: { actions: Record<string, unknown>[] } }[])[0].content;
    readAction = card.actions.find((a) => a.title === 'Read the full briefing') as Record<string, unknown>;
    expect(readAction).to.deep.include({ type: 'Action.Submit' });
    expect(readAction.data).to.deep.include({ msteams: { type: 'task/fetch' }, verb: 'briefing.read', briefingId });
    expect(connector.cardProblems()).to.deep.equal([]);
  });

  it('opens the full text in a Teams dialog, a page at a time, every page under the limit and no word lost', async () => {
    const seen: string[] = [];
    let res = await taskModule(READER, 'task/fetch', readAction.data as Record<string, unknown>);
    for (let guard = 0; guard < 10; guard += 1) {
      expect(res.status).to.equal(200);
      expect(serialisedBytes(res.body)).to.be.at.most(ACTIVITY_BUDGET_BYTES);
      const task = res.body.task as {
        type: string;
        value: { card: { content: { body: { text: string }[]; actions?: { title: string; data: Record<string, unknown> }[] } } };
      };
      expect(task.type).to.equal('continue');
      seen.push(...task.value.card.content.body.map((b) => b.text));
      const next = task.value.card.content.actions?.find((a) => a.title === 'Next page');
      if (!next) break;
      res = await taskModule(READER, 'task/submit', next.data);
    }
    const words = (text: string) => text.match(/word\d+/g) ?? [];
    expect(words(seen.join(' '))).to.deep.equal(words(body));
    expect(seen.join('\n')).to.include('**Section 2**');
  });

  it('refuses the full text to someone the briefing was not meant for', async () => {
    const res = await taskModule(OUTSIDER, 'task/fetch', readAction.data as Record<string, unknown>);
    expect(res.body.task).to.deep.equal({ type: 'message', value: 'That briefing is no longer available.' });
  });

  it('warns an author in the chat form that a long body will show as its opening', async () => {
    const author = { ...from('29:long-author'), from: { id: '29:long-author', aadObjectId: 'aad-long-author' } };
    await post({ ...author, type: 'message', text: 'new briefing' });
    await post({
      ...author,
      type: 'message',
      value: { verb: 'briefing.form', title: 'Long one', summary: 'Short summary.', body: 'A sentence of the body. '.repeat(200), sectors: 'health' },
    });
    const preview = JSON.stringify(connector.messages().at(-1));
    expect(preview)
      .to.match(/Preview: Long one/)
      .and.match(/too long to show in full on a Teams card/);
  });

  it('posts the pages in web chat, where there are no dialogs', async () => {
    const before = connector.messages().length;
    await post({ ...from(READER, 'webchat'), type: 'message', value: { verb: 'briefing.read', briefingId, page: 2 } });
    const posted = connector.messages().slice(before);
    expect(posted).to.have.length(1);
    expect(serialisedBytes(posted[0])).to.be.below(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(JSON.stringify(posted[0]))
      .to.match(/Page 2 of \d/)
      .and.match(/Previous page/);
  });
});
