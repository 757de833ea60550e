import { expect } from 'chai';
import { botFrameworkSettings } from '../../../../bot/platform/botFrameworkSettings';
import { loadConfig } from '../../../../bot/platform/config';
import { createConnectorTokenProvider } from '../../../../bot/platform/delivery/connectorTokens';

describe('connector tokens', () => {
  it('has no token to give in local mode, so local sends carry no Authorization header', async () => {
    expect(await createConnectorTokenProvider(loadConfig({}))()).to.equal(undefined);
  });

  it('reads the same Bot Framework settings as the adapter', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' });
    expect(botFrameworkSettings(config)).to.deep.equal({
      MicrosoftAppId: 'app-1',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-1',
    });
    expect(botFrameworkSettings(loadConfig({}))).to.include({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' });
  });
});
