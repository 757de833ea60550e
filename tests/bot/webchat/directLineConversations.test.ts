import { expect } from 'chai';
import { FeedEvent, LocalActivityFeed } from '../../../bot/webchat/activityFeed';
import { DirectLineConversations } from '../../../bot/webchat/directLineConversations';
import { SqlDirectLineStore } from '../../../bot/webchat/sqlDirectLineStore';
import { VerifiedUsers } from '../../../bot/webchat/verifiedUsers';
import { openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { fixedClock, silentLogger } from '../../helpers/testServices';

describe('DirectLineConversations', () => {
  let database: TestDatabase;
  let users: VerifiedUsers;
  let conversations: DirectLineConversations;
  let events: FeedEvent[];

  beforeEach(async () => {
    database = await openTestDatabase('sqlite');
    users = new VerifiedUsers();
    const feed = new LocalActivityFeed();
    conversations = new DirectLineConversations({
      store: new SqlDirectLineStore(database.opened.db, fixedClock),
      feed,
      users,
      logger: silentLogger,
      now: fixedClock,
    });
    events = [];
    feed.subscribe('c1', (event) => events.push(event));
  });
  afterEach(() => database.cleanup());

  it('announces every stored activity with its watermark, so streams on any replica read it', async () => {
    await conversations.start('c1', { id: 'dl_anon_1' });
    await conversations.appendFromClient('c1', { type: 'message', text: 'hi' }, undefined);
    await conversations.appendFromBot('c1', [
      { type: 'message', text: 'one' },
      { type: 'message', text: 'two' },
    ]);
    expect(events).to.deep.equal([
      { kind: 'stored', conversationId: 'c1', watermark: 1 },
      { kind: 'stored', conversationId: 'c1', watermark: 3 },
    ]);
  });

  it("passes the bot's typing on live without storing it, in order with its messages", async () => {
    await conversations.start('c1', { id: 'dl_anon_1' });
    const stored = await conversations.appendFromBot('c1', [{ type: 'typing' }, { type: 'message', text: 'answer' }, { type: 'typing' }]);
    expect(stored!.map((a) => a.text)).to.deep.equal(['answer']);
    expect(events.map((e) => e.kind)).to.deep.equal(['ephemeral', 'stored', 'ephemeral']);
    expect((await conversations.since('c1', 0))!.watermark).to.equal('1');
  });

  it('announces nothing for a resend, a throttled activity or a conversation that has gone', async () => {
    await conversations.start('c1', { id: 'dl_anon_1' });
    await conversations.appendFromClient('c1', { type: 'message', text: 'hi' }, 'c-1');
    expect((await conversations.appendFromClient('c1', { type: 'message', text: 'hi' }, 'c-1')).outcome).to.equal('resent');
    expect(await conversations.appendFromBot('gone', [{ type: 'message' }])).to.equal(undefined);
    expect(events).to.have.length(1);
  });

  it('keeps an activity when the other replicas cannot be told (their streams catch up at the next keep-alive)', async () => {
    const failing = {
      publish: async () => Promise.reject(new Error('LISTEN connection down')),
      subscribe: () => () => undefined,
      start: async () => undefined,
      close: async () => undefined,
    };
    const shaky = new DirectLineConversations({
      store: new SqlDirectLineStore(database.opened.db, fixedClock),
      feed: failing,
      users,
      logger: silentLogger,
      now: fixedClock,
    });
    await shaky.start('c9', { id: 'dl_anon_1' });
    expect((await shaky.appendFromClient('c9', { type: 'message', text: 'hi' }, undefined)).outcome).to.equal('appended');
    expect((await shaky.appendFromBot('c9', [{ type: 'typing' }, { type: 'message', text: 'answer' }]))!.map((a) => a.text)).to.deep.equal(['answer']);
  });

  it('remembers a verified person on whichever replica meets their conversation, never an anonymous one', async () => {
    await new SqlDirectLineStore(database.opened.db, fixedClock).start('c2', { id: 'dl_user_E9', name: 'Sam', email: 'sam@council.gov.uk' });
    expect(users.get('dl_user_E9')).to.equal(undefined);
    await conversations.find('c2');
    expect(users.get('dl_user_E9')).to.deep.equal({ id: 'dl_user_E9', name: 'Sam', email: 'sam@council.gov.uk', verified: true });
    await conversations.start('c3', { id: 'dl_anon_2' });
    expect(users.get('dl_anon_2')).to.equal(undefined);
  });
});
