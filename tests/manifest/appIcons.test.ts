import { expect } from 'chai';
import { PNG } from 'pngjs';
import { readAppIcons } from '../../manifest/appIcons';
import { ACCENT_COLOR } from '../../manifest/createManifest';
import { pixels } from './readPackage';

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

describe('the committed Teams icons', () => {
  const icons = readAppIcons();

  describe('color.png', () => {
    const icon = PNG.sync.read(icons.color);
    const all = pixels(icon);

    it('is a 192×192 PNG', () => {
      expect([icon.width, icon.height]).to.deep.equal([192, 192]);
    });

    it('is full colour and opaque: the manifest accent colour with a white symbol, smooth edges between', () => {
      expect(all.every(([, , , a]) => a === 255)).to.equal(true);
      const colours = new Set(all.map(([r, g, b]) => hex(r, g, b)));
      expect(colours).to.include(ACCENT_COLOR.toLowerCase());
      expect(colours).to.include('#ffffff');
      expect(colours.size).to.be.greaterThan(2);
      // The corner is background (the tile colour Teams shows around it), the middle of the bubble's top edge is white.
      expect(hex(...(all[0].slice(0, 3) as [number, number, number]))).to.equal(ACCENT_COLOR.toLowerCase());
      expect(all[45 * 192 + 96].slice(0, 3)).to.deep.equal([255, 255, 255]);
    });
  });

  describe('outline.png', () => {
    const icon = PNG.sync.read(icons.outline);
    const all = pixels(icon);

    it('is a 32×32 PNG', () => {
      expect([icon.width, icon.height]).to.deep.equal([32, 32]);
    });

    it('has only white pixels (of any opacity) and fully transparent ones, as Teams requires', () => {
      const offending = all.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
      expect(offending).to.deep.equal([]);
    });

    it('is a solid glyph with a transparent surround and a cut-out figure', () => {
      const opaque = all.filter(([, , , a]) => a === 255).length;
      const clear = all.filter(([, , , a]) => a === 0).length;
      expect(opaque / all.length).to.be.within(0.3, 0.8);
      expect(clear / all.length).to.be.within(0.15, 0.6);
      expect(all[0][3]).to.equal(0);
      // The figure's head, in the middle of the bubble near the top, is cut out.
      expect(all[10 * 32 + 16][3]).to.equal(0);
    });
  });
});
