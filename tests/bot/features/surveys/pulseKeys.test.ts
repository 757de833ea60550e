import { expect } from 'chai';
import { PulseKeys, SEALED_PLAINTEXT_BYTES } from '../../../../bot/features/surveys/pulseKeys';

const keys = new PulseKeys(Buffer.from('a-pulse-secret-of-at-least-32-characters'));
const other = new PulseKeys(Buffer.from('another-pulse-secret-of-32-characters!!'));

describe('PulseKeys', () => {
  it('gives each identity a ledger key per wave that only the same secret reproduces', () => {
    const key = keys.participant(1, 'aad:abc');
    expect(key).to.match(/^[0-9a-f]{64}$/);
    expect(keys.participant(1, 'aad:abc')).to.equal(key);
    expect(keys.participant(2, 'aad:abc')).to.not.equal(key);
    expect(keys.participant(1, 'aad:abd')).to.not.equal(key);
    expect(other.participant(1, 'aad:abc')).to.not.equal(key);
    expect(keys.fingerprint()).to.not.equal(other.fingerprint()).and.not.include(key.slice(0, 16));
  });

  it('seals answers to one size, opens them only with the same secret and wave, and refuses a tampered one', () => {
    const short = keys.seal(1, { answers: { q: 1 } });
    const long = keys.seal(1, { answers: { q: 1 }, comment: 'é'.repeat(500) });
    expect(short.length).to.equal(long.length);
    expect(Buffer.from(short, 'base64').length).to.equal(12 + SEALED_PLAINTEXT_BYTES + 16);
    expect(keys.open(1, long)).to.deep.equal({ answers: { q: 1 }, comment: 'é'.repeat(500) });
    expect(keys.seal(1, { answers: { q: 1 } })).to.not.equal(short);
    expect(() => other.open(1, short)).to.throw();
    expect(() => keys.open(2, short)).to.throw();
    const raw = Buffer.from(short, 'base64');
    raw[20] ^= 1;
    expect(() => keys.open(1, raw.toString('base64'))).to.throw();
  });
});
