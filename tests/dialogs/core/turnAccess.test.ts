import { expect } from 'chai';
import { Activity, TestAdapter, TurnContext } from 'botbuilder';
import { RoleService, RoleSettings } from '../../../bot/features/roles/roleService';
import { TurnAccess } from '../../../dialogs/core/turnAccess';

const OUR_TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

function context(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    conversation: { id: 'a:chat', isGroup: false, conversationType: 'personal', name: '', tenantId: OUR_TENANT },
    from: { id: '29:sam', name: 'Sam', aadObjectId: 'aad-sam' },
    recipient: { id: '28:bot', name: 'Bot' },
    ...activity,
  } as Activity);
}

const access = (settings: Partial<RoleSettings>, emails: Record<string, string> = {}) =>
  new TurnAccess(new RoleService({ commsUsers: [], admins: [], requireTenant: true, ...settings }), (id) => emails[id]);

describe('TurnAccess', () => {
  it('grants a role by object id within the configured tenant', async () => {
    const roles = access({ commsUsers: ['aad-sam'], admins: ['aad-boss'], tenantId: OUR_TENANT });
    expect(await roles.hasRole(context({}), 'comms')).to.equal(true);
    expect(await roles.hasRole(context({}), 'admin')).to.equal(false);
    expect(await roles.hasRole(context({ from: { id: '29:boss', name: 'B', aadObjectId: 'AAD-BOSS' } }), 'admin')).to.equal(true);
  });

  it('grants nothing to the same object id from another tenant (conversation or channelData tenant)', async () => {
    const roles = access({ commsUsers: ['aad-sam'], admins: ['aad-sam'], tenantId: OUR_TENANT });
    const elsewhere = context({ conversation: { id: 'a:x', isGroup: false, conversationType: 'personal', name: '', tenantId: OTHER_TENANT } });
    expect(await roles.hasRole(elsewhere, 'comms')).to.equal(false);
    expect(await roles.hasRole(elsewhere, 'admin')).to.equal(false);
    const byChannelData = context({
      conversation: { id: 'a:x', isGroup: false, conversationType: 'personal', name: '' },
      channelData: { tenant: { id: OTHER_TENANT } },
    });
    expect(await roles.hasRole(byChannelData, 'comms')).to.equal(false);
  });

  it('grants no object id at all when credentials are set but MicrosoftAppTenantId is not, and says so', async () => {
    const service = new RoleService({ commsUsers: ['aad-sam'], admins: ['aad-sam'], requireTenant: true });
    expect(await new TurnAccess(service).hasRole(context({}), 'admin')).to.equal(false);
    expect(service.warnings().join(' ')).to.match(/MicrosoftAppTenantId is not set/);
  });

  it('in local mode (nothing verified anyway) matches object ids without a tenant', async () => {
    expect(await access({ commsUsers: ['aad-sam'], requireTenant: false }).hasRole(context({}), 'comms')).to.equal(true);
  });

  it('never uses a user principal name or email from Teams: an email entry is not matched in Teams', async () => {
    const roles = access({ commsUsers: ['sam@council.gov.uk'], tenantId: OUR_TENANT });
    const claimed = context({ from: { id: '29:sam', name: 'Sam', aadObjectId: 'aad-sam', properties: { email: 'sam@council.gov.uk' } } as Activity['from'] });
    expect(await roles.hasRole(claimed, 'comms')).to.equal(false);
  });

  it('recognises a verified web chat user by subject or by the email their signed token carried', async () => {
    const bySubject = access({ commsUsers: ['webchat:E1234'] });
    expect(await bySubject.hasRole(context({ channelId: 'webchat', from: { id: 'dl_user_e1234', name: 'Casey' } }), 'comms')).to.equal(true);
    const byEmail = access({ commsUsers: ['casey@council.gov.uk'] }, { dl_user_e1234: 'Casey@Council.gov.uk' });
    expect(await byEmail.hasRole(context({ channelId: 'webchat', from: { id: 'dl_user_e1234', name: 'Casey' } }), 'comms')).to.equal(true);
  });

  it('with credentials, grants nothing to a web chat visitor for what the activity claims (object id, tenant, email)', async () => {
    const roles = access({ commsUsers: ['webchat:e1234', 'casey@council.gov.uk', 'aad-sam'], tenantId: OUR_TENANT });
    const claimed = context({
      channelId: 'webchat',
      from: { id: 'dl_anon_x', name: 'Casey', aadObjectId: 'aad-sam', properties: { email: 'casey@council.gov.uk' } } as Activity['from'],
      channelData: { tenant: { id: OUR_TENANT } },
    });
    expect(await roles.hasRole(claimed, 'comms')).to.equal(false);
  });
});
