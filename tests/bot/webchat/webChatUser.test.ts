import { expect } from 'chai';
import { anonymousUser } from '../../../bot/webchat/webChatUser';

describe('anonymous web chat users', () => {
  it('get a fresh random id, or keep one this bot handed out', () => {
    const fresh = anonymousUser(undefined);
    expect(fresh).to.deep.include({ verified: false });
    expect(fresh.id).to.match(/^dl_anon_[0-9a-f-]{36}$/);
    expect(anonymousUser(fresh.id).id).to.equal(fresh.id);
    expect(anonymousUser('dl_user_E1').id).to.not.equal('dl_user_E1');
    expect(anonymousUser(fresh.id.toUpperCase()).id).to.not.equal(fresh.id.toUpperCase());
  });
});
