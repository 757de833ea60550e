import { expect } from 'chai';
import { contentSecurityPolicy, directLineConnectSources } from '../../../../bot/platform/http/securityHeaders';

describe('contentSecurityPolicy', () => {
  it('builds the CSP from the nonce and the allowed origins', () => {
    const csp = contentSecurityPolicy({
      nonce: 'abc',
      connectSources: directLineConnectSources('https://directline.botframework.com'),
      frameAncestors: ['https://intranet.example'],
    });
    expect(csp).to.contain("script-src 'self' 'nonce-abc'");
    expect(csp).to.contain("connect-src 'self' https://directline.botframework.com wss://directline.botframework.com");
    expect(csp).to.contain("frame-ancestors 'self' https://intranet.example");
  });
});
