import { expect } from 'chai';
import { Activity } from 'botbuilder';
import { InMemoryFeedbackLog } from '../../../bot/platform/store/feedbackLog';
import { Services } from '../../../bot/app/services';
import { channelMention, testAdapter, testBotServices } from '../../helpers/testBot';
import { replyCard, replyText } from '../../helpers/testServices';
import { exchange } from '../../helpers/adapterExchange';

describe('StaffBot', () => {
  let services: Services;
  let feedbackLog: InMemoryFeedbackLog;

  beforeEach(async () => {
    feedbackLog = new InMemoryFeedbackLog();
    services = await testBotServices({}, { feedbackLog });
  });

  it('answers a question in a personal chat', async () => {
    const replies = await exchange(testAdapter(services), 'what is TAC');
    expect(replies).to.have.length(1);
    expect(replyText(replies[0])).to.match(/^Team Around the Child/);
  });

  it('counts each answer (with no user id) for the most-asked list', async () => {
    await exchange(testAdapter(services), 'what is TAC');
    await exchange(testAdapter(services), 'recipe for banana bread');
    expect(feedbackLog.answered).to.deep.equal(['tac']);
  });

  it('stays quiet in a channel unless @mentioned', async () => {
    const adapter = testAdapter(services);
    const plain = { ...channelMention('what is TAC'), text: 'what is TAC', entities: [] };
    expect(await exchange(adapter, plain)).to.deep.equal([]);
  });

  it('strips the @mention before searching in a channel', async () => {
    const replies = await exchange(testAdapter(services), channelMention('whats a caf'));
    expect(replyText(replies[0])).to.match(/^Common Assessment Framework/);
  });

  it('answers in a group chat when @mentioned', async () => {
    const activity = { ...channelMention('ECM?'), conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' } };
    const replies = await exchange(testAdapter(services), activity);
    expect(replyText(replies[0])).to.match(/^Every Child Matters/);
  });

  it('welcomes once when installed, and not when someone else joins', async () => {
    const adapter = testAdapter(services);
    const added = (id: string): Partial<Activity> => ({ type: 'conversationUpdate', membersAdded: [{ id, name: '' }], recipient: { id: 'bot', name: 'Bot' } });
    const botAdded = await exchange(adapter, added('bot'));
    expect(botAdded).to.have.length(1);
    expect(replyText(botAdded[0])).to.match(/Hello, I'm/);
    expect(await exchange(adapter, added('29:someone'))).to.deep.equal([]);
  });

  it('stays quiet on reactions', async () => {
    expect(await exchange(testAdapter(services), { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] })).to.deep.equal([]);
  });

  describe('card buttons in Web Chat (Action.Submit)', () => {
    it('records "Was this helpful?" and thanks the user', async () => {
      const adapter = testAdapter(services, 'webchat');
      const replies = await exchange(adapter, { type: 'message', value: { verb: 'kb.feedback', id: 'caf', helpful: true } });
      expect(replyText(replies[0])).to.equal('Thanks, glad it helped.');
      expect(feedbackLog.feedback.map((f) => [f.entryId, f.helpful, f.channel])).to.deep.equal([['caf', true, 'webchat']]);
    });

    it('refuses feedback on an entry that does not exist, recording nothing', async () => {
      const adapter = testAdapter(services, 'webchat');
      const replies = await exchange(adapter, { type: 'message', value: { verb: 'kb.feedback', id: 'no-such-entry', helpful: false } });
      expect(replyText(replies[0])).to.match(/no longer in the knowledge base/);
      expect(feedbackLog.feedback).to.deep.equal([]);
    });

    it('refuses feedback whose vote is not yes or no', async () => {
      const adapter = testAdapter(services, 'webchat');
      const replies = await exchange(adapter, { type: 'message', value: { verb: 'kb.feedback', id: 'caf', helpful: 'maybe' } });
      expect(replyText(replies[0])).to.match(/couldn't read that feedback/);
      expect(feedbackLog.feedback).to.deep.equal([]);
    });

    it('shows a related entry as a new card', async () => {
      const replies = await exchange(testAdapter(services, 'webchat'), { type: 'message', value: { verb: 'kb.show', id: 'lead-professional' } });
      expect(replyText(replies[0])).to.match(/^Lead professional/);
    });

    it('answers a button it does not recognise clearly', async () => {
      const replies = await exchange(testAdapter(services, 'webchat'), { type: 'message', value: { actionId: 'channel-post' } });
      expect(replyText(replies[0])).to.match(/don't recognise that button/);
    });
  });

  describe('card buttons in Teams (Action.Execute)', () => {
    const execute = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
    });
    const invokeResponse = (replies: Partial<Activity>[]) =>
      replies.find((r) => r.type === 'invokeResponse')?.value as { status: number; body: Record<string, unknown> };

    it('refreshes the answer card after "Was this helpful?"', async () => {
      const replies = await exchange(testAdapter(services), execute('kb.feedback', { id: 'tac', helpful: false }));
      const response = invokeResponse(replies);
      expect(response.status).to.equal(200);
      expect(response.body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(JSON.stringify(response.body.value))
        .to.match(/content team will review/)
        .and.not.match(/Was this helpful/);
      expect(feedbackLog.feedback.map((f) => [f.entryId, f.helpful])).to.deep.equal([['tac', false]]);
    });

    it('posts a related entry and answers the invoke with a message', async () => {
      const replies = await exchange(testAdapter(services), execute('kb.show', { id: 'caf' }));
      expect(replyText(replies.find((r) => r.type === 'message'))).to.match(/^Common Assessment Framework/);
      expect(invokeResponse(replies).body).to.include({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    });

    it('answers an unknown verb with a clean error response, not an exception', async () => {
      const replies = await exchange(testAdapter(services), execute('doStuff', { a: 'ddd' }));
      const response = invokeResponse(replies);
      expect(response.status).to.equal(200);
      expect(response.body).to.include({ statusCode: 400, type: 'application/vnd.microsoft.error' });
      expect(replies.filter((r) => r.type === 'message')).to.deep.equal([]);
    });
  });

  it('answers with a card carrying a text fallback', async () => {
    const replies = await exchange(testAdapter(services), 'LP role');
    const card = replyCard(replies[0]);
    expect(card?.fallbackText)
      .to.be.a('string')
      .and.match(/Lead professional/);
    expect(replies[0].summary).to.match(/Lead professional/);
  });
});
