import { expect } from 'chai';
import {
  activityForBot,
  botActivity,
  clientActivityId,
  clientActivityProblem,
  conversationStartActivity,
  userActivity,
} from '../../../bot/webchat/webChatActivity';

const bot = { id: 'staffbot', name: 'Assistant' };
const user = { id: 'dl_user_E1', name: 'Sam' };

describe('web chat activities', () => {
  it('accepts what Web Chat sends: messages, card submits, typing and events', () => {
    for (const body of [
      { type: 'message', text: 'hi' },
      { type: 'message', value: { verb: 'kb.feedback' } },
      { type: 'typing' },
      { type: 'event', name: 'webchat/join' },
    ]) {
      expect(clientActivityProblem(body), JSON.stringify(body)).to.equal(undefined);
    }
  });

  const bad: [string, unknown, RegExp][] = [
    ['null', null, /JSON object/],
    ['a string', 'hello', /JSON object/],
    ['no type', { text: 'hi' }, /type/],
    ['a conversationUpdate', { type: 'conversationUpdate' }, /type/],
    ['an invoke', { type: 'invoke' }, /type/],
    ['numeric text', { type: 'message', text: 1 }, /text/],
    ['attachments that are not a list', { type: 'message', attachments: {} }, /attachments/],
    ['channelData that is a list', { type: 'message', channelData: [] }, /channelData/],
  ];
  for (const [name, body, problem] of bad) {
    it(`refuses ${name}`, () => expect(clientActivityProblem(body)).to.match(problem));
  }

  it('keeps only the fields a client may set, and takes the sender from the token', () => {
    const stored = userActivity(
      {
        type: 'message',
        text: 'hi',
        from: { id: 'dl_user_admin', name: 'Admin' },
        serviceUrl: 'http://evil/',
        recipient: { id: 'x' },
        id: 'mine',
        conversation: { id: 'other' },
        value: { a: 1 },
        channelData: { clientActivityID: 'c1' },
      },
      'conv',
      user,
      '2026-11-23T10:00:00.000Z',
    );
    expect(stored).to.deep.equal({
      type: 'message',
      text: 'hi',
      value: { a: 1 },
      channelData: { clientActivityID: 'c1' },
      channelId: 'webchat',
      conversation: { id: 'conv' },
      from: { id: 'dl_user_E1', name: 'Sam', role: 'user' },
      timestamp: '2026-11-23T10:00:00.000Z',
    });
    expect(activityForBot({ ...stored, id: 'conv|0000001' }, bot, 'http://127.0.0.1:1/directline/connector/k/')).to.deep.include({
      serviceUrl: 'http://127.0.0.1:1/directline/connector/k/',
      recipient: { id: 'staffbot', name: 'Assistant', role: 'bot' },
    });
  });

  it('reads Web Chat’s clientActivityID', () => {
    expect(clientActivityId({ channelData: { clientActivityID: 'abc' } })).to.equal('abc');
    expect(clientActivityId({ channelData: { clientActivityID: 7 } })).to.equal(undefined);
    expect(clientActivityId({})).to.equal(undefined);
  });

  it('starts a conversation with bot and user joining, so the bot welcomes the user', () => {
    const start = conversationStartActivity('conv', user, bot, 'http://x/', 't');
    expect(start.type).to.equal('conversationUpdate');
    expect(start.membersAdded).to.deep.equal([
      { id: 'staffbot', name: 'Assistant' },
      { id: 'dl_user_E1', name: 'Sam' },
    ]);
    expect(start.recipient).to.deep.equal({ id: 'staffbot', name: 'Assistant', role: 'bot' });
  });

  it('keeps a bot reply without the internal connector address', () => {
    const reply = botActivity(
      { type: 'message', text: 'hello', serviceUrl: 'http://127.0.0.1:1/directline/connector/secret-key/', replyToId: 'conv|0000002' },
      'conv',
      bot,
      't',
    );
    expect(reply).to.not.have.property('serviceUrl');
    expect(JSON.stringify(reply)).to.not.contain('secret-key');
    expect(reply).to.deep.include({ replyToId: 'conv|0000002', channelId: 'webchat', from: { id: 'staffbot', name: 'Assistant', role: 'bot' } });
  });
});
