import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { expect } from 'chai';
import { assetSecurityHeaders, directLineConnectSources, pageSecurityHeaders, scriptlessPageHeaders } from '../../../../bot/platform/http/securityHeaders';

/** A response that is never sent, so the headers a route would send can be read back. */
function response(): [IncomingMessage, ServerResponse] {
  const req = new IncomingMessage(new Socket());
  return [req, new ServerResponse(req)];
}

/** The directives of a response's policy, by name. */
function directives(res: ServerResponse): Map<string, string> {
  const header = String(res.getHeader('content-security-policy') ?? '');
  return new Map(header.split(';').map((d) => d.trim().split(/ (.*)/s, 2) as [string, string]));
}

describe('pageSecurityHeaders', () => {
  it('builds the CSP from a fresh nonce and the allowed origins', () => {
    const apply = pageSecurityHeaders({
      connectSources: directLineConnectSources('https://directline.botframework.com'),
      frameAncestors: ['https://intranet.example'],
    });
    const [req, res] = response();
    const nonce = apply(req, res);
    const csp = directives(res);
    expect(csp.get('default-src')).to.equal("'none'");
    expect(csp.get('script-src')).to.equal(`'self' 'nonce-${nonce}'`);
    expect(csp.get('connect-src')).to.equal("'self' https://directline.botframework.com wss://directline.botframework.com");
    expect(csp.get('frame-ancestors')).to.equal("'self' https://intranet.example");
    expect(res.getHeader('x-frame-options')).to.equal(undefined);
    expect(res.getHeader('cache-control')).to.equal('no-store');
    expect(res.getHeader('permissions-policy')).to.contain('camera=()');
    const [req2, res2] = response();
    expect(apply(req2, res2)).to.not.equal(nonce);
  });

  it('allows no inline script, no eval and no other origin for scripts', () => {
    const [req, res] = response();
    pageSecurityHeaders({ connectSources: [], frameAncestors: [] })(req, res);
    const header = String(res.getHeader('content-security-policy'));
    expect(header).to.not.contain('unsafe');
    expect(header).to.not.contain('*');
    expect(directives(res).get('object-src')).to.equal("'none'");
    expect(directives(res).get('base-uri')).to.equal("'none'");
    expect(res.getHeader('x-frame-options')).to.equal('SAMEORIGIN');
    expect(res.getHeader('x-content-type-options')).to.equal('nosniff');
    expect(res.getHeader('referrer-policy')).to.equal('no-referrer');
    expect(res.getHeader('cross-origin-opener-policy')).to.equal('same-origin');
  });
});

describe('scriptlessPageHeaders', () => {
  it('lets no script run and no form post anywhere', () => {
    const [req, res] = response();
    scriptlessPageHeaders(['https://teams.microsoft.com'])(req, res);
    const csp = directives(res);
    expect(csp.get('script-src')).to.equal(undefined);
    expect(csp.get('default-src')).to.equal("'none'");
    expect(csp.get('form-action')).to.equal("'none'");
    expect(csp.get('frame-ancestors')).to.equal("'self' https://teams.microsoft.com");
  });
});

describe('assetSecurityHeaders', () => {
  it('keeps assets to this origin unless they are meant for other sites', () => {
    const [req, res] = response();
    assetSecurityHeaders(req, res);
    expect(res.getHeader('cross-origin-resource-policy')).to.equal('same-origin');
    expect(res.getHeader('content-security-policy')).to.equal(undefined);
    const [req2, res2] = response();
    assetSecurityHeaders(req2, res2, true);
    expect(res2.getHeader('cross-origin-resource-policy')).to.equal('cross-origin');
  });
});
