import { expect } from 'chai';
import { ConversationQueue } from '../../../bot/webchat/conversationQueue';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConversationQueue', () => {
  it('runs one conversation’s jobs in order, one at a time, while other conversations go ahead', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run('a', () => new Promise<void>((resolve) => (releaseFirst = () => (log.push('a1'), resolve()))));
    const second = queue.run('a', async () => void log.push('a2'));
    const other = queue.run('b', async () => void log.push('b1'));
    await other;
    await settle();
    expect(log).to.deep.equal(['b1']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).to.deep.equal(['b1', 'a1', 'a2']);
  });

  it('carries on after a failed job, passes the failure to its caller, and forgets idle conversations', async () => {
    const queue = new ConversationQueue();
    const failed = queue.run('a', async () => {
      throw new Error('turn failed');
    });
    const next = queue.run('a', async () => 'next ran');
    expect(await failed.catch((err: Error) => err.message)).to.equal('turn failed');
    expect(await next).to.equal('next ran');
    await settle();
    expect(queue.pending).to.equal(0);
  });
});
