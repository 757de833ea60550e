import { expect } from 'chai';
import { countAudience } from '../../../../bot/dashboard/authoring/audienceCount';

describe('countAudience', () => {
  it('counts people the resolver returns without a reach (chats and roster members) and channels as reachable now', () => {
    expect(countAudience([{ userId: '29:a' }, { userId: '29:b' }, { userId: 'channel:19:t|19:t' }])).to.deep.equal({ inAudience: 3, reachableNow: 3, needsInstall: 0, notReachable: [] });
  });

  it('separates people who need the app installed and those nobody can reach, grouped by reason, most first', () => {
    const count = countAudience([
      { userId: '1', reach: { kind: 'conversation' } },
      { userId: '2', reach: { kind: 'roster' } },
      { userId: '3', reach: { kind: 'install' } },
      { userId: '4', reach: { kind: 'install' } },
      { userId: '5', reach: { kind: 'unreachable', reason: 'account disabled' } },
      { userId: '6', reach: { kind: 'unreachable', reason: 'no Teams licence' } },
      { userId: '7', reach: { kind: 'unreachable', reason: 'no Teams licence' } },
    ]);
    expect(count).to.deep.equal({ inAudience: 7, reachableNow: 2, needsInstall: 2, notReachable: [{ reason: 'no Teams licence', count: 2 }, { reason: 'account disabled', count: 1 }] });
  });

  it('counts nobody for an empty audience', () => {
    expect(countAudience([])).to.deep.equal({ inAudience: 0, reachableNow: 0, needsInstall: 0, notReachable: [] });
  });
});
