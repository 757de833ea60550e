import { expect } from 'chai';
import { identifyRespondent, respondentOfChat } from '../../../../bot/features/surveys/respondent';

const OID = '5E1F0000-0000-4000-8000-000000000001';

describe('identifyRespondent', () => {
  it('knows a Teams user by their AAD object id, whatever conversation they write from', () => {
    const from = (conversation: string) =>
      identifyRespondent({ channelId: 'msteams', from: { id: '29:abc', aadObjectId: OID }, channelData: { conversation } }, {});
    expect(from('a:1')).to.deep.equal({ ok: true, respondent: { userId: '29:abc', identities: [`aad:${OID.toLowerCase()}`] } });
    expect(from('a:2')).to.deep.equal(from('a:1'));
  });

  it('refuses a Teams user with no AAD object id, or from another tenant when one is configured', () => {
    expect(identifyRespondent({ channelId: 'msteams', from: { id: '29:abc' } }, {})).to.deep.equal({ ok: false, reason: 'unidentifiedTeams' });
    const ours = { tenantId: 'Tenant-A' };
    expect(
      identifyRespondent({ channelId: 'msteams', from: { id: '29:abc', aadObjectId: OID }, channelData: { tenant: { id: 'tenant-b' } } }, ours),
    ).to.deep.equal({ ok: false, reason: 'otherTenant' });
    expect(identifyRespondent({ channelId: 'msteams', from: { id: '29:abc', aadObjectId: OID } }, ours)).to.deep.equal({ ok: false, reason: 'otherTenant' });
    expect(
      identifyRespondent({ channelId: 'msteams', from: { id: '29:abc', aadObjectId: OID }, channelData: { tenant: { id: 'tenant-a' } } }, ours).ok,
    ).to.equal(true);
  });

  it('knows a signed-in web chat user by the intranet subject, and by their object id when the token carried one', () => {
    expect(identifyRespondent({ channelId: 'webchat', from: { id: 'dl_user_E123' } }, {})).to.deep.equal({
      ok: true,
      respondent: { userId: 'dl_user_E123', identities: ['web:E123'] },
    });
    const withOid = identifyRespondent(
      { channelId: 'webchat', from: { id: 'dl_user_E123' } },
      { webObjectId: (id) => (id === 'dl_user_E123' ? OID : undefined) },
    );
    expect(withOid).to.deep.equal({ ok: true, respondent: { userId: 'dl_user_E123', identities: [`aad:${OID.toLowerCase()}`, 'web:E123'] } });
  });

  it('refuses an anonymous web chat visitor, a bare prefix, and other channels such as the Emulator', () => {
    expect(identifyRespondent({ channelId: 'webchat', from: { id: 'dl_anon_3f0c6c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' } }, {})).to.deep.equal({
      ok: false,
      reason: 'anonymousWebChat',
    });
    expect(identifyRespondent({ channelId: 'webchat', from: { id: 'dl_user_' } }, {})).to.deep.equal({ ok: false, reason: 'anonymousWebChat' });
    expect(identifyRespondent({ channelId: 'emulator', from: { id: 'dl_user_E123', aadObjectId: OID } }, {})).to.deep.equal({
      ok: false,
      reason: 'otherChannel',
    });
    expect(identifyRespondent({ channelId: 'msteams' }, {})).to.deep.equal({ ok: false, reason: 'otherChannel' });
  });

  it('reads the identity of someone reached in a personal chat from their conversation record', () => {
    expect(respondentOfChat({ userId: '29:abc', channelId: 'msteams', aadObjectId: OID, tenantId: 't' }, 't')?.identities).to.deep.equal([
      `aad:${OID.toLowerCase()}`,
    ]);
    expect(respondentOfChat({ userId: '29:abc', channelId: 'msteams', tenantId: 't' })).to.equal(undefined);
    expect(respondentOfChat({ userId: '29:abc', channelId: 'msteams', aadObjectId: OID, tenantId: 'other' }, 't')).to.equal(undefined);
  });
});
