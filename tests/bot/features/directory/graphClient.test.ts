import { expect } from 'chai';
import { GraphClient, GraphError, retryAfterMs } from '../../../../bot/features/directory/graphClient';
import { enabledUsers, groupUsers } from '../../../../bot/features/directory/graphDirectory';
import { FakeGraph } from '../../../helpers/fakeGraph';

describe('Graph client (against a local stand-in of Microsoft Graph)', () => {
  const graph = new FakeGraph();
  let urls: { baseUrl: string; loginBaseUrl: string };
  let slept: number[];
  let clock: number;
  let paced: number;

  const client = (overrides: Partial<{ clientSecret: string; maxAttempts: number }> = {}) =>
    new GraphClient(
      {
        tenantId: graph.tenantId,
        clientId: graph.clientId,
        clientSecret: overrides.clientSecret ?? graph.clientSecret,
        ...urls,
        maxAttempts: overrides.maxAttempts,
      },
      {
        sleep: async (ms) => {
          slept.push(ms);
        },
        nowMs: () => clock,
        pace: async () => {
          paced++;
        },
      },
    );

  before(async () => {
    urls = await graph.start();
    for (let i = 0; i < 250; i++)
      graph.users.push({
        id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        displayName: `Person ${i}`,
        mail: `p${i}@council.example`,
        department: i % 2 ? "Children's Social Care" : 'Schools',
        jobTitle: i % 3 ? 'Social Worker' : 'Teaching Assistant',
        accountEnabled: i % 10 !== 0,
      });
    graph.groups.set(
      '11111111-1111-1111-1111-111111111111',
      graph.users.slice(0, 120).map((u) => u.id),
    );
  });
  after(() => graph.stop());
  beforeEach(() => {
    slept = [];
    clock = 1_800_000_000_000;
    paced = 0;
    graph.calls.length = 0;
  });

  it('reads every enabled user over several pages, following @odata.nextLink', async () => {
    const c = client();
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of enabledUsers(c, 60)) {
      pages.push(page.length);
      ids.push(...page.map((p) => p.aadObjectId!));
    }
    expect(pages.length).to.be.greaterThanOrEqual(3);
    expect(ids).to.have.length(225); // 250 less the 25 disabled
    expect(new Set(ids).size).to.equal(225);
    const first = graph.graphCalls()[0];
    expect(first.query.get('$filter')).to.equal('accountEnabled eq true');
    expect(first.query.get('$select')).to.equal('id,displayName,mail,department,jobTitle,officeLocation,companyName');
    // One token for all the pages, and every call paced under the shared limit.
    expect(c.tokensFetched).to.equal(1);
    expect(paced).to.equal(graph.graphCalls().length);
  });

  it('reads the transitive members of a group as users, over pages', async () => {
    const members: string[] = [];
    for await (const page of groupUsers(client(), '11111111-1111-1111-1111-111111111111', 50)) members.push(...page.map((p) => p.aadObjectId!));
    expect(members).to.have.length(120);
    expect(graph.graphCalls()[0].path).to.equal('/v1.0/groups/11111111-1111-1111-1111-111111111111/transitiveMembers/microsoft.graph.user');
  });

  it('waits what Retry-After asks on 429, then succeeds', async () => {
    graph.throttleNext(2, '7');
    const people: unknown[] = [];
    for await (const page of enabledUsers(client(), 999)) people.push(...page);
    expect(people).to.have.length(225);
    expect(slept).to.deep.equal([7000, 7000]);
  });

  it('gives up after a bounded number of throttled attempts, with the status', async () => {
    graph.throttleNext(10, '1');
    const c = client({ maxAttempts: 3 });
    const res = await c.request('GET', 'users');
    expect(res.status).to.equal(429);
    expect(slept).to.have.length(2);
    graph.throttleNext(0);
  });

  it('keeps the token until shortly before it expires, then fetches a new one', async () => {
    const c = client();
    await c.call('GET', 'users?$top=1');
    await c.call('GET', 'users?$top=1');
    expect(c.tokensFetched).to.equal(1);
    clock += 3599 * 1000 - 60_000; // within the renewal margin
    await c.call('GET', 'users?$top=1');
    expect(c.tokensFetched).to.equal(2);
  });

  it('fetches a new token once when Graph says the cached one has expired', async () => {
    const c = client();
    await c.call('GET', 'users?$top=1');
    graph.expireTokens();
    const res = await c.call<{ value: unknown[] }>('GET', 'users?$top=1');
    expect(res.value).to.have.length(1);
    expect(c.tokensFetched).to.equal(2);
  });

  it('says which settings to check when the sign-in is refused', async () => {
    const err = await client({ clientSecret: 'wrong' })
      .call('GET', 'users')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).to.be.instanceOf(GraphError);
    expect((err as Error).message).to.match(/GRAPH_CLIENT_SECRET/);
  });

  it('never sends its token to a nextLink on another host', async () => {
    const err = await client()
      .call('GET', 'https://attacker.example/v1.0/users')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((err as GraphError).code).to.equal('foreignLink');
    expect(graph.calls.filter((c) => c.path.includes('users'))).to.have.length(0);
  });

  it('reads Retry-After as seconds or as a date, capped', () => {
    expect(retryAfterMs('3', 0)).to.equal(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 0)).to.equal(10_000);
    expect(retryAfterMs('100000', 0)).to.equal(300_000);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
  });
});
