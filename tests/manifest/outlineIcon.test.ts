import { expect } from 'chai';
import { PNG } from 'pngjs';
import { drawOutlineIcon } from '../../manifest/outlineIcon';
import { pixels } from './readPackage';

describe('drawOutlineIcon', () => {
  const icon = PNG.sync.read(drawOutlineIcon());
  const all = pixels(icon);

  it('is a 32×32 PNG', () => {
    expect([icon.width, icon.height]).to.deep.equal([32, 32]);
  });

  it('has only white pixels (of any opacity) and fully transparent ones, as Teams requires', () => {
    const offending = all.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(offending).to.deep.equal([]);
  });

  it('draws a solid glyph with a transparent surround and a cut-out figure', () => {
    const opaque = all.filter(([, , , a]) => a === 255).length;
    const clear = all.filter(([, , , a]) => a === 0).length;
    expect(opaque / all.length).to.be.within(0.3, 0.8);
    expect(clear / all.length).to.be.within(0.15, 0.6);
    expect(all[0][3]).to.equal(0);
    // The figure's head, in the middle of the bubble near the top, is cut out.
    expect(all[10 * 32 + 16][3]).to.equal(0);
  });
});
