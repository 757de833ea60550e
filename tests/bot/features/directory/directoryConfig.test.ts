import { expect } from 'chai';
import { DateTime } from 'luxon';
import { dueForScheduledSync } from '../../../../bot/features/directory/createDirectory';
import { ConfigError, loadConfig } from '../../../../bot/platform/config';

describe('directory settings', () => {
  it("leaves Graph off by default, with Microsoft's public addresses and a daily sync", () => {
    const c = loadConfig({});
    expect(c.directory.graph).to.equal(undefined);
    expect(c.directory).to.include({
      syncHours: 24,
      mappingFile: 'knowledge/directory/attribute-mapping.yaml',
      teamsServiceUrl: 'https://smba.trafficmanager.net/teams/',
    });
  });

  it("takes Graph's own setting names, the tenant falling back to MicrosoftAppTenantId", () => {
    const c = loadConfig({
      GRAPH_CLIENT_ID: 'id',
      GRAPH_CLIENT_SECRET: 'secret',
      MicrosoftAppTenantId: 'tenant-9',
      GRAPH_GROUPS: 'AAA, bbb',
      GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0/',
    });
    expect(c.directory.graph).to.deep.equal({
      tenantId: 'tenant-9',
      clientId: 'id',
      clientSecret: 'secret',
      baseUrl: 'http://127.0.0.1:9/v1.0',
      loginBaseUrl: 'https://login.microsoftonline.com',
    });
    expect(c.directory.groups).to.deep.equal(['aaa', 'bbb']);
  });

  it('refuses half a Graph configuration, and installs without Graph, at start-up', () => {
    expect(() => loadConfig({ GRAPH_CLIENT_ID: 'id' })).to.throw(ConfigError, /GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID/);
    expect(() => loadConfig({ GRAPH_CLIENT_ID: 'id', GRAPH_CLIENT_SECRET: 's' })).to.throw(ConfigError, /GRAPH_TENANT_ID/);
    expect(() => loadConfig({ GRAPH_TEAMS_APP_ID: 'app' })).to.throw(ConfigError, /installing the app needs Microsoft Graph/);
    expect(() => loadConfig({ GRAPH_BASE_URL: 'graph.microsoft.com' })).to.throw(ConfigError, /GRAPH_BASE_URL/);
  });
});

describe('scheduled directory syncs', () => {
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
  it('run when none has started, or the last (by any replica) started most of an interval ago', () => {
    expect(dueForScheduledSync(undefined, at('2026-11-30T10:00:00'), 24)).to.equal(true);
    expect(dueForScheduledSync('2026-11-29T10:00:00.000Z', at('2026-11-30T10:00:00'), 24)).to.equal(true);
    expect(dueForScheduledSync('2026-11-30T01:00:00.000Z', at('2026-11-30T10:00:00'), 24)).to.equal(false);
  });
});
