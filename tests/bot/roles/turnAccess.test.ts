import { expect } from 'chai';
import { Activity, TestAdapter, TurnContext } from 'botbuilder';
import { RoleService } from '../../../bot/roles/roleService';
import { TurnAccess } from '../../../bot/roles/turnAccess';

/** A test adapter whose connector answers member lookups from a list, counting them. */
function teamsContext(members: Record<string, { userPrincipalName?: string; email?: string } | Error>, activity: Partial<Activity> = {}) {
  const lookups: string[] = [];
  const adapter = Object.assign(new TestAdapter(), {
    createConnectorClient: () => ({
      conversations: {
        getConversationMember: async (_conversationId: string, userId: string) => {
          lookups.push(userId);
          const member = members[userId];
          if (!member || member instanceof Error) throw member ?? new Error('not found');
          return member;
        },
      },
    }),
  });
  const context = new TurnContext(adapter, {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    conversation: { id: 'a:chat', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: '29:sam', name: 'Sam', aadObjectId: 'aad-sam' },
    recipient: { id: '28:bot', name: 'Bot' },
    ...activity,
  } as Activity);
  return { context, lookups };
}

describe('TurnAccess', () => {
  it('grants a role listed by object id without asking Teams', async () => {
    const access = new TurnAccess(new RoleService({ commsUsers: ['aad-sam', 'someone@council.gov.uk'], admins: [] }));
    const { context, lookups } = teamsContext({});
    expect(await access.hasRole(context, 'comms')).to.equal(true);
    expect(lookups).to.deep.equal([]);
  });

  it('looks up the sign-in name once a turn, however many roles the turn checks', async () => {
    const access = new TurnAccess(new RoleService({ commsUsers: ['sam@council.gov.uk'], admins: ['boss@council.gov.uk'] }));
    const { context, lookups } = teamsContext({ '29:sam': { userPrincipalName: 'Sam@council.gov.uk' } });
    expect(await access.hasRole(context, 'comms')).to.equal(true);
    expect(await access.hasRole(context, 'admin')).to.equal(false);
    expect(lookups).to.deep.equal(['29:sam']);
    const next = teamsContext({ '29:sam': { userPrincipalName: 'sam@council.gov.uk' } });
    expect(await access.hasRole(next.context, 'comms')).to.equal(true);
    expect(next.lookups, 'a new turn asks again').to.deep.equal(['29:sam']);
  });

  it('grants nothing when the lookup fails, and asks nothing outside Teams or when no entry is a sign-in name', async () => {
    const byName = new TurnAccess(new RoleService({ commsUsers: ['sam@council.gov.uk'], admins: [] }));
    const failed = teamsContext({ '29:sam': new Error('403') });
    expect(await byName.hasRole(failed.context, 'comms')).to.equal(false);
    const web = teamsContext({ '29:sam': { userPrincipalName: 'sam@council.gov.uk' } }, { channelId: 'webchat' });
    expect(await byName.hasRole(web.context, 'comms')).to.equal(false);
    expect(web.lookups).to.deep.equal([]);
    const byId = new TurnAccess(new RoleService({ commsUsers: ['aad-other'], admins: [] }));
    const plain = teamsContext({ '29:sam': { userPrincipalName: 'sam@council.gov.uk' } });
    expect(await byId.hasRole(plain.context, 'comms')).to.equal(false);
    expect(plain.lookups).to.deep.equal([]);
  });
});
