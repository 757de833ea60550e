import { expect } from 'chai';
import { DateTime } from 'luxon';
import { ActivitySet, DEFAULT_CONVERSATION_LIMITS, DirectLineConversations } from '../../../bot/webchat/directLineConversations';
import { FIXED_NOW } from '../../helpers/testServices';

const user = { id: 'dl_anon_1' };
const message = (text: string) => ({ type: 'message', text });

describe('DirectLineConversations', () => {
  let now: DateTime;
  const clock = () => now;
  beforeEach(() => {
    now = FIXED_NOW;
  });

  it('numbers activities with Direct Line ids and watermarks, and reads them back from any watermark', () => {
    const store = new DirectLineConversations(clock);
    const { conversation, created } = store.start('conv', user);
    expect(created).to.equal(true);
    expect(store.since(conversation)).to.deep.equal({ activities: [], watermark: '0' });
    const first = store.append(conversation, message('one'));
    store.append(conversation, message('two'));
    expect(first.id).to.equal('conv|0000001');
    expect(store.since(conversation, '1')).to.deep.equal({ activities: [{ type: 'message', text: 'two', id: 'conv|0000002' }], watermark: '2' });
    expect(store.since(conversation, 'nonsense').activities).to.have.length(2);
    expect(store.since(conversation, '99')).to.deep.equal({ activities: [], watermark: '2' });
    expect(store.start('conv', user)).to.deep.include({ conversation, created: false });
  });

  it('remembers client activity ids so a resend is recognised', () => {
    const store = new DirectLineConversations(clock);
    const { conversation } = store.start('conv', user);
    const stored = store.append(conversation, message('hi'), { clientActivityId: 'c-1' });
    expect(store.resent(conversation, 'c-1')).to.equal(stored.id);
    expect(store.resent(conversation, 'c-2')).to.equal(undefined);
    expect(store.resent(conversation, undefined)).to.equal(undefined);
  });

  it('tells live listeners about each new activity, and that the conversation ended', () => {
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, idleMinutes: 10 });
    const { conversation } = store.start('conv', user);
    const sets: ActivitySet[] = [];
    let ended = 0;
    const stop = store.listen(conversation, { activities: (s) => sets.push(s), ended: () => ended++ });
    store.append(conversation, message('one'));
    expect(sets).to.deep.equal([{ activities: [{ type: 'message', text: 'one', id: 'conv|0000001' }], watermark: '1' }]);
    stop();
    store.append(conversation, message('two'));
    expect(sets).to.have.length(1);
    store.listen(conversation, { activities: () => undefined, ended: () => ended++ });
    now = now.plus({ minutes: 11 });
    expect(store.find('conv')).to.equal(undefined);
    expect(ended).to.equal(1);
  });

  it('closes the oldest stream when a conversation has too many', () => {
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, maxListenersPerConversation: 2 });
    const { conversation } = store.start('conv', user);
    const ended: number[] = [];
    for (const n of [1, 2, 3]) store.listen(conversation, { activities: () => undefined, ended: () => ended.push(n) });
    expect(ended).to.deep.equal([1]);
  });

  it('forgets conversations idle for longer than the limit, but not ones in use', () => {
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, idleMinutes: 60 });
    store.start('quiet', user);
    const { conversation: busy } = store.start('busy', user);
    now = now.plus({ minutes: 45 });
    store.append(busy, message('still here'));
    now = now.plus({ minutes: 30 });
    expect(store.find('quiet')).to.equal(undefined);
    expect(store.find('busy')).to.equal(busy);
    expect(store.size).to.equal(1);
    expect(() => store.append(store.start('quiet', user).conversation, message('new'))).to.not.throw();
  });

  it('keeps within the conversation count, evicting the least recently active', () => {
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, maxConversations: 2 });
    const { conversation: a } = store.start('a', user);
    store.start('b', user);
    store.append(a, message('a is busy'));
    store.start('c', user);
    expect(store.find('b')).to.equal(undefined);
    expect(store.find('a')).to.not.equal(undefined);
    expect(store.find('c')).to.not.equal(undefined);
  });

  it('keeps within the byte budgets: old activities drop off (watermarks keep counting) and whole conversations go when the total is spent', () => {
    const size = Buffer.byteLength(JSON.stringify({ type: 'message', text: 'x'.repeat(1000), id: 'a|0000001' }));
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, maxBytesPerConversation: size * 3, maxBytes: size * 5 });
    const { conversation: a } = store.start('a', user);
    for (let i = 0; i < 5; i++) store.append(a, message('x'.repeat(1000)));
    expect(store.since(a).activities.map((x) => x.id)).to.deep.equal(['a|0000003', 'a|0000004', 'a|0000005']);
    expect(store.since(a).watermark).to.equal('5');
    expect(store.bytes).to.equal(size * 3);
    const { conversation: b } = store.start('b', user);
    for (let i = 0; i < 3; i++) store.append(b, message('x'.repeat(1000)));
    expect(store.find('a'), 'a, least recently active, made room for b').to.equal(undefined);
    expect(store.bytes).to.equal(size * 3);
  });

  it('refuses to add to a conversation that has gone, and clear() ends everything', () => {
    const store = new DirectLineConversations(clock);
    const { conversation } = store.start('conv', user);
    let ended = false;
    store.listen(conversation, { activities: () => undefined, ended: () => (ended = true) });
    store.clear();
    expect(ended).to.equal(true);
    expect(store.size).to.equal(0);
    expect(() => store.append(conversation, message('late'))).to.throw(/has ended/);
  });

  it('applies the flood limit per conversation', () => {
    const store = new DirectLineConversations(clock, { ...DEFAULT_CONVERSATION_LIMITS, floodMax: 2, floodWindowSeconds: 10 });
    const { conversation: a } = store.start('a', user);
    const { conversation: b } = store.start('b', user);
    expect([store.admit(a), store.admit(a), store.admit(a)].map((v) => v.accepted)).to.deep.equal([true, true, false]);
    expect(store.admit(b).accepted).to.equal(true);
  });
});
