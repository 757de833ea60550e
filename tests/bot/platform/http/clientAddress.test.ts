import { IncomingMessage } from 'node:http';
import { expect } from 'chai';
import { clientAddress } from '../../../../bot/platform/http/clientAddress';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('10.0.0.5', '1.2.3.4'))).to.equal('10.0.0.5');
  });

  it('behind trusted proxies, takes the entry the outermost one added, never what the client wrote', () => {
    expect(clientAddress(request('10.0.0.5', 'spoofed, 203.0.113.7'), 1)).to.equal('203.0.113.7');
    expect(clientAddress(request('10.0.0.5', 'spoofed, 203.0.113.7, 10.0.0.9'), 2)).to.equal('203.0.113.7');
    expect(clientAddress(request('10.0.0.5'), 1)).to.equal('10.0.0.5');
  });
});
