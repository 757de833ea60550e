import { expect } from 'chai';
import { botWithConnector } from '../../helpers/runningBot';

describe('"Was this helpful?" counts once per answer', () => {
  const suite = botWithConnector();
  const votes = async () =>
    Number(
      (
        await suite.bot.services.database.db
          .selectFrom('answer_feedback')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const activity = (channelId: string, userId: string, extra: Record<string, unknown>) => ({
    channelId,
    serviceUrl: suite.serviceUrl,
    from: { id: userId },
    recipient: { id: '28:bot' },
    conversation: { id: `a:${userId}`, conversationType: 'personal' },
    ...extra,
  });
  const post = async (body: unknown) => {
    const res = await fetch(`${suite.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  it('in Teams, updates the card in place once and records nothing more on a second press', async () => {
    const before = await votes();
    const press = () =>
      post(
        activity('msteams', '29:voter', {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'kb.feedback', data: { verb: 'kb.feedback', id: 'tac', helpful: true } } },
        }),
      );
    const first = await press();
    expect(first).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(first.value))
      .to.match(/glad it helped/)
      .and.not.match(/kb\.feedback/);
    const second = await press();
    expect(second).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(await votes()).to.equal(before + 1);
  });

  it('in web chat, thanks once; a second press says it is already noted and records nothing', async () => {
    const before = await votes();
    const sent = suite.connector.messages().length;
    const press = () => post(activity('webchat', 'dl_anon_voter', { type: 'message', value: { verb: 'kb.feedback', id: 'caf', helpful: false } }));
    await press();
    await press();
    const replies = suite.connector
      .messages()
      .slice(sent)
      .map((m) => String(m.text ?? ''));
    expect(replies).to.deep.equal(['Thanks for telling us; the content team will review this answer.', 'I already have your feedback on this answer.']);
    expect(await votes()).to.equal(before + 1);
  });
});
