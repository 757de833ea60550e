import { expect } from 'chai';
import { FeedEvent, LocalActivityFeed, LocalListeners, parseFeedMessage } from '../../../bot/webchat/activityFeed';

describe('activity feed (one process)', () => {
  it('tells only the conversation’s listeners, until they stop following', async () => {
    const feed = new LocalActivityFeed();
    const heard: FeedEvent[] = [];
    const stop = feed.subscribe('a', (e) => heard.push(e));
    const onB: FeedEvent[] = [];
    feed.subscribe('b', (e) => onB.push(e));
    await feed.publish({ kind: 'stored', conversationId: 'a', watermark: 1 });
    stop();
    await feed.publish({ kind: 'stored', conversationId: 'a', watermark: 2 });
    expect(heard).to.deep.equal([{ kind: 'stored', conversationId: 'a', watermark: 1 }]);
    expect(onB).to.deep.equal([]);
  });

  it('keeps telling the others when one listener throws', () => {
    const listeners = new LocalListeners();
    const heard: string[] = [];
    listeners.add('a', () => {
      throw new Error('broken stream');
    });
    listeners.add('a', () => heard.push('second'));
    listeners.resyncAll();
    expect(heard).to.deep.equal(['second']);
  });

  it('says when the first listener of a conversation arrives and the last one leaves (to subscribe and unsubscribe)', () => {
    const calls: string[] = [];
    const listeners = new LocalListeners(
      (id) => calls.push(`first ${id}`),
      (id) => calls.push(`last ${id}`),
    );
    const one = listeners.add('a', () => undefined);
    const two = listeners.add('a', () => undefined);
    one();
    one();
    two();
    expect(calls).to.deep.equal(['first a', 'last a']);
  });

  it('reads only well-formed messages from other replicas', () => {
    expect(parseFeedMessage(JSON.stringify({ r: 'x', e: { kind: 'stored', conversationId: 'a', watermark: 3 } }))).to.deep.equal({
      r: 'x',
      e: { kind: 'stored', conversationId: 'a', watermark: 3 },
    });
    for (const bad of [
      'nonsense',
      '{}',
      JSON.stringify({ r: 'x', e: { kind: 'stored', conversationId: 'a', watermark: '3' } }),
      JSON.stringify({ r: 'x', e: { kind: 'resync', conversationId: 'a' } }),
    ]) {
      expect(parseFeedMessage(bad), bad).to.equal(undefined);
    }
  });
});
