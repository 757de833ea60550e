import { expect } from 'chai';
import { botWithConnector } from '../../../helpers/runningBot';

/** A compose-box search invoke as Teams sends it. */
const queryInvoke = (serviceUrl: string, text: string | undefined) => ({
  type: 'invoke',
  name: 'composeExtension/query',
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:searcher', aadObjectId: 'aad-s' },
  recipient: { id: '28:bot' },
  conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', tenantId: 't' },
  value: {
    commandId: 'searchGlossary',
    parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchKeywords', value: text }],
    queryOptions: { skip: 0, count: 10 },
  },
});

describe('glossary search message extension', () => {
  const suite = botWithConnector();

  const invoke = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${suite.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        composeExtension: {
          type: string;
          attachments: { content: { fallbackText: string }; preview: { content: { title: string; tap: { value: { entryId: string } } } } }[];
        };
      },
    };
  };
  const titles = (body: Awaited<ReturnType<typeof invoke>>['body']) => body.composeExtension.attachments.map((a) => a.preview.content.title);

  it('finds entries as the user types', async () => {
    const { status, body } = await invoke(queryInvoke(suite.serviceUrl, 'lead prof'));
    expect(status).to.equal(200);
    expect(body.composeExtension.type).to.equal('result');
    expect(titles(body)[0]).to.equal('Lead professional (LP)');
    expect(body.composeExtension.attachments[0].content.fallbackText).to.match(/^Lead professional/);
  });

  it('shows the most-asked entries for an empty box', async () => {
    await suite.bot.services.store.answerCounts.increment('contactpoint');
    await suite.bot.services.store.answerCounts.increment('contactpoint');
    await suite.bot.services.store.answerCounts.increment('tac');
    const { body } = await invoke(queryInvoke(suite.serviceUrl, undefined));
    expect(titles(body).slice(0, 2)).to.deep.equal(['ContactPoint', 'Team Around the Child (TAC)']);
    expect(titles(body).length).to.be.within(3, 10);
  });

  for (const [name, text] of [
    ['1,000 characters', 'x'.repeat(1000)],
    ['only symbols', '?!*&^%$'],
    ['nonsense', 'zzzqqq'],
  ] as const) {
    it(`returns an empty result, not an error, for ${name}`, async () => {
      const { status, body } = await invoke(queryInvoke(suite.serviceUrl, text));
      expect(status).to.equal(200);
      expect(body.composeExtension.attachments).to.deep.equal([]);
    });
  }

  it('inserts the chosen entry as a card, and nothing for a tampered choice', async () => {
    const pick = { ...queryInvoke(suite.serviceUrl, ''), name: 'composeExtension/selectItem', value: { entryId: 'caf' } };
    const { body } = await invoke(pick);
    expect(body.composeExtension.attachments).to.have.length(1);
    expect(body.composeExtension.attachments[0].content.fallbackText).to.match(/^Common Assessment Framework/);
    const tampered = await invoke({ ...pick, value: { entryId: '../../etc/passwd' } });
    expect(tampered.status).to.equal(200);
    expect(tampered.body.composeExtension.attachments).to.deep.equal([]);
  });
});
