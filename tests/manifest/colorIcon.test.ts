import { expect } from 'chai';
import { PNG } from 'pngjs';
import { drawColorIcon } from '../../manifest/colorIcon';
import { ACCENT_COLOR } from '../../manifest/createManifest';
import { pixels } from './readPackage';

describe('drawColorIcon', () => {
  const icon = PNG.sync.read(drawColorIcon());
  const all = pixels(icon);

  it('is a 192×192 PNG', () => {
    expect([icon.width, icon.height]).to.deep.equal([192, 192]);
  });

  it('is full colour and opaque: the accent colour with a white symbol, smooth edges between', () => {
    expect(all.every(([, , , a]) => a === 255)).to.equal(true);
    const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const colours = new Set(all.map(([r, g, b]) => hex(r, g, b)));
    expect(colours).to.include(ACCENT_COLOR.toLowerCase());
    expect(colours).to.include('#ffffff');
    expect(colours.size).to.be.greaterThan(2);
    // The corner is background, the middle of the bubble's top edge is white.
    expect(hex(...(all[0].slice(0, 3) as [number, number, number]))).to.equal(ACCENT_COLOR.toLowerCase());
    expect(all[45 * 192 + 96].slice(0, 3)).to.deep.equal([255, 255, 255]);
  });

  it('draws the same image every time', () => {
    expect(drawColorIcon().equals(drawColorIcon())).to.equal(true);
  });
});
