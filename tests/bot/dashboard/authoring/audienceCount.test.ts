import { expect } from 'chai';
import { countAudience } from '../../../../bot/features/audience/resolveAudience';
import { formCount } from '../../../../bot/dashboard/authoring/audienceCount';

describe('formCount', () => {
  it('counts people with a chat, roster members and channels as reachable now', () => {
    expect(formCount(countAudience([{ userId: '29:a' }, { userId: '29:b', reach: { via: 'roster' } }, { userId: 'channel:19:t|19:t' }]))).to.deep.equal({
      inAudience: 3,
      reachableNow: 3,
      needsInstall: 0,
      notReachable: [],
    });
  });

  it('separates people who need the app installed and those nobody can reach, grouped by reason, most first', () => {
    const count = countAudience([
      { userId: '1', reach: { via: 'chat' } },
      { userId: '2', reach: { via: 'roster' } },
      { userId: '3', reach: { via: 'install' } },
      { userId: '4', reach: { via: 'install' } },
      { userId: '5', reach: { via: 'none', reason: 'account disabled' } },
      { userId: '6', reach: { via: 'none', reason: 'no Teams licence' } },
      { userId: '7', reach: { via: 'none', reason: 'no Teams licence' } },
    ]);
    expect(formCount(count)).to.deep.equal({
      inAudience: 7,
      reachableNow: 2,
      needsInstall: 2,
      notReachable: [
        { reason: 'no Teams licence', count: 2 },
        { reason: 'account disabled', count: 1 },
      ],
    });
  });

  it('counts nobody for an empty audience', () => {
    expect(formCount(countAudience([]))).to.deep.equal({ inAudience: 0, reachableNow: 0, needsInstall: 0, notReachable: [] });
  });
});
