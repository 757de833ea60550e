import { expect } from 'chai';
import { Activity } from 'botbuilder';
import { Services } from '../../../bot/app/services';
import { channelMention, testAdapter, testBotServices } from '../../helpers/testBot';

describe('conversation references', () => {
  let services: Services;
  beforeEach(async () => {
    services = await testBotServices();
  });
  afterEach(() => services.close());

  it('saves the personal chat on every message, with tenant and scope', async () => {
    const adapter = testAdapter(services);
    await adapter.receiveActivity({
      type: 'message',
      text: 'hi',
      conversation: { id: 'a:personal', conversationType: 'personal', tenantId: 't-1', isGroup: false, name: '' },
      from: { id: '29:u1', name: 'Sam', aadObjectId: 'aad-1' },
    });
    const [record] = await services.store.conversations.forUser('29:u1');
    expect(record).to.include({ conversationId: 'a:personal', scope: 'personal', tenantId: 't-1', aadObjectId: 'aad-1', channelId: 'msteams', active: true });
    expect(await services.store.conversations.personalChat('29:u1')).to.not.equal(undefined);
  });

  it('keeps nothing for typing or a compose-box search, which may come from a chat the bot is not in', async () => {
    const adapter = testAdapter(services);
    const conversation = { id: 'a:two-people', conversationType: 'personal', isGroup: false, name: '' };
    await adapter.receiveActivity({ type: 'typing', conversation, from: { id: '29:u4', name: 'Kim' } });
    await adapter.receiveActivity({
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'searchGlossary', parameters: [{ name: 'searchKeywords', value: 'caf' }] },
      conversation,
      from: { id: '29:u4', name: 'Kim' },
    });
    expect(await services.store.conversations.forUser('29:u4')).to.deep.equal([]);
    await adapter.receiveActivity({ type: 'message', text: 'hi', conversation, from: { id: '29:u4', name: 'Kim' } });
    expect(await services.store.conversations.forUser('29:u4')).to.have.length(1);
  });

  it('keeps a channel thread as its channel', async () => {
    const adapter = testAdapter(services);
    const activity = channelMention('what is TAC');
    await adapter.receiveActivity({ ...activity, from: { id: '29:u2', name: 'Jo' } });
    expect((await services.store.conversations.forUser('29:u2'))[0]).to.include({ conversationId: '19:channel@thread.tacv2', scope: 'channel' });
  });

  it('saves on install and marks the conversation inactive on uninstall', async () => {
    const adapter = testAdapter(services);
    const conversation = { id: '19:team@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' };
    const base: Partial<Activity> = { conversation, from: { id: '29:admin', name: 'Admin' }, recipient: { id: 'bot', name: 'Bot' } };
    await adapter.receiveActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }] });
    expect((await services.store.conversations.forUser('29:admin'))[0].active).to.equal(true);
    await adapter.receiveActivity({ ...base, type: 'installationUpdate', action: 'remove' });
    expect((await services.store.conversations.forUser('29:admin'))[0].active).to.equal(false);
  });

  it('marks the conversation inactive when the bot is removed from it', async () => {
    const adapter = testAdapter(services);
    const base: Partial<Activity> = {
      conversation: { id: 'g1', conversationType: 'groupChat', isGroup: true, name: '' },
      from: { id: '29:u3', name: 'Al' },
      recipient: { id: 'bot', name: 'Bot' },
    };
    await adapter.receiveActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }] });
    await adapter.receiveActivity({ ...base, type: 'conversationUpdate', membersRemoved: [{ id: 'bot', name: 'Bot' }] });
    expect((await services.store.conversations.forUser('29:u3'))[0].active).to.equal(false);
  });
});

describe('web chat conversations', () => {
  it('are kept for privacy requests but never join an audience', async () => {
    const services = await testBotServices();
    const adapter = testAdapter(services, 'webchat');
    await adapter.receiveActivity({
      type: 'message',
      text: 'hi',
      serviceUrl: 'http://127.0.0.1:1/directline/secret-key/',
      conversation: { id: 'dl-1', isGroup: false, name: '', conversationType: '' },
      from: { id: 'dl_user_1', name: 'Web' },
    });
    const [record] = await services.store.conversations.forUser('dl_user_1');
    expect(record).to.include({ scope: 'webchat', serviceUrl: 'webchat' });
    expect(await services.store.conversations.activePersonalChats()).to.deep.equal([]);
    expect(Object.keys((await services.store.userData.export('dl_user_1')).state)).to.include('conversation/webchat/dl-1');
    await services.close();
  });
});
