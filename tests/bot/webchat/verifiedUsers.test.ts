import { expect } from 'chai';
import { VerifiedUsers } from '../../../bot/webchat/verifiedUsers';

describe('VerifiedUsers', () => {
  it('remembers verified users only, forgetting the least recently seen beyond its size', () => {
    const users = new VerifiedUsers(2);
    users.remember({ id: 'dl_anon_x', verified: false });
    for (const id of ['dl_user_a', 'dl_user_b', 'dl_user_a', 'dl_user_c']) users.remember({ id, verified: true });
    expect(users.get('dl_anon_x')).to.equal(undefined);
    expect(users.get('dl_user_b')).to.equal(undefined);
    expect(users.get('dl_user_a')?.id).to.equal('dl_user_a');
    expect(users.get('dl_user_c')?.id).to.equal('dl_user_c');
    expect(users.get(undefined)).to.equal(undefined);
  });
});
