import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { replyText, testDialogServices } from '../../helpers/testServices';

async function withData() {
  const setup = await testDialogServices();
  await setup.store.profiles.save({ userId: 'user1', sector: 'health', topics: [] });
  await setup.store.conversations.upsert({
    userId: 'user1',
    conversationId: 'Convo1',
    channelId: 'msteams',
    scope: 'personal',
    serviceUrl: 'https://s/',
    reference: {},
  });
  return setup;
}

for (const channel of ['msteams', 'webchat']) {
  describe(`privacy commands on ${channel}`, () => {
    it('deletes nothing when the user says no', async () => {
      const { services, store } = await withData();
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity('delete my data'))).to.match(/Delete your data\?/);
      expect(replyText(await client.sendActivity('no'))).to.match(/nothing was deleted/);
      expect(await store.profiles.get('user1')).to.not.equal(undefined);
    });

    it('erases profile and conversation references after yes', async () => {
      const { services, store } = await withData();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('forget me');
      expect(replyText(await client.sendActivity('yes'))).to.match(/I erased your settings, 1 conversation record/);
      expect(await store.profiles.get('user1')).to.equal(undefined);
      expect(await store.conversations.forUser('user1')).to.deep.equal([]);
    });

    it('exports what it holds as JSON', async () => {
      const { services } = await withData();
      const client = new DialogTestClient(channel, new RootDialog(services));
      const intro = await client.sendActivity('export my data');
      expect(replyText(intro)).to.match(/everything I hold about you/);
      let json: string;
      if (channel === 'webchat') {
        // Web chat gets one downloadable file rather than a code block cut off at the pane's edge.
        const [file] = intro.attachments ?? [];
        expect(file).to.include({ contentType: 'application/json', name: 'my-data.json' });
        json = Buffer.from(String(file.contentUrl).replace(/^data:application\/json;base64,/, ''), 'base64').toString('utf8');
        expect(client.getNextReply()).to.equal(undefined);
      } else {
        json = replyText(client.getNextReply())
          .replace(/^```json\n/, '')
          .replace(/\n```$/, '');
      }
      const data = JSON.parse(json) as { profile: { sector: string }; conversations: unknown[] };
      expect(data.profile.sector).to.equal('health');
      expect(data.conversations).to.have.length(1);
    });
  });
}

describe('gap report in chat', () => {
  it('is refused to staff without the comms role', async () => {
    const { services } = await testDialogServices();
    const client = new DialogTestClient('msteams', new RootDialog(services));
    expect(replyText(await client.sendActivity('gap report'))).to.match(/only for the communications and content teams/);
  });

  it('shows comms users the most-asked unanswered questions', async () => {
    const { services, store } = await testDialogServices({ COMMS_USERS: 'aad-comms-1' });
    await store.feedback.recordUnanswered({ question: 'how do i claim mileage', decision: 'unknown', channel: 'msteams', at: services.now() });
    await store.feedback.recordFeedback({ entryId: 'caf', helpful: false, channel: 'msteams', at: services.now() });
    const client = new DialogTestClient('msteams', new RootDialog(services));
    const reply = await client.sendActivity({ type: 'message', text: 'gap report', from: { id: 'u-comms', name: 'Comms', aadObjectId: 'aad-comms-1' } });
    expect(replyText(reply)).to.match(/how do i claim mileage[\s\S]*Common Assessment Framework \(CAF\): 1 not helpful/);
  });
});
