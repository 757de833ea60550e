import { IncomingMessage } from 'node:http';
import { expect } from 'chai';
import { clientAddress } from '../../../bot/webchat/clientAddress';

const request = (peer: string, forwarded?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the peer with no proxies in front, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('::ffff:10.0.0.5', '1.2.3.4'), 0)).to.equal('10.0.0.5');
    expect(clientAddress(request('2001:db8::1'), 0)).to.equal('2001:db8::1');
  });

  it('behind proxies, is the entry the outermost trusted proxy added, not one the client wrote', () => {
    expect(clientAddress(request('10.0.0.1', 'forged, 203.0.113.9'), 1)).to.equal('203.0.113.9');
    expect(clientAddress(request('10.0.0.1', 'forged, 203.0.113.9, 10.0.0.2'), 2)).to.equal('203.0.113.9');
    expect(clientAddress(request('10.0.0.1'), 1), 'no header: the peer').to.equal('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', '203.0.113.9'), 3), 'fewer entries than proxies: the peer').to.equal('10.0.0.1');
  });
});
