import { expect } from 'chai';
import { parseWatermark } from '../../../bot/webchat/watermark';

describe('parseWatermark', () => {
  it('reads none or empty as the start, and whole numbers as themselves', () => {
    expect(parseWatermark(undefined)).to.deep.equal({ ok: true, watermark: 0 });
    expect(parseWatermark(null)).to.deep.equal({ ok: true, watermark: 0 });
    expect(parseWatermark('')).to.deep.equal({ ok: true, watermark: 0 });
    expect(parseWatermark('0')).to.deep.equal({ ok: true, watermark: 0 });
    expect(parseWatermark('42')).to.deep.equal({ ok: true, watermark: 42 });
  });

  it('refuses anything else, as Direct Line does with 400', () => {
    for (const bad of ['-1', 'abc', '1.5', '1e3', ' 1', '0x10', '9'.repeat(16)]) expect(parseWatermark(bad), bad).to.deep.equal({ ok: false });
  });
});
