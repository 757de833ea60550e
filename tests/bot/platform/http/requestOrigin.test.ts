import { IncomingMessage } from 'node:http';
import { expect } from 'chai';
import { requestOrigin } from '../../../../bot/platform/http/requestOrigin';

const request = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe('requestOrigin', () => {
  it('works out the browser’s origin, trusting X-Forwarded-Proto but never copying a strange Host', () => {
    expect(requestOrigin(request({ host: 'bot.council.gov.uk' }))).to.deep.equal({
      http: 'http://bot.council.gov.uk',
      ws: 'ws://bot.council.gov.uk',
      host: 'bot.council.gov.uk',
    });
    expect(requestOrigin(request({ host: 'bot.council.gov.uk', 'x-forwarded-proto': 'https' })).ws).to.equal('wss://bot.council.gov.uk');
    expect(requestOrigin(request({ host: 'localhost:3978' }, true)).http).to.equal('https://localhost:3978');
    expect(requestOrigin(request({ host: 'evil.org/"><script>' })).host).to.equal('localhost');
  });
});
