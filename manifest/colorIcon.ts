import { PNG } from 'pngjs';
import { ACCENT_COLOR } from './createManifest';
import { coverage, person, speechBubble } from './iconShapes';

/** Teams' size for the full-colour icon, in pixels. */
export const COLOR_ICON_SIZE = 192;

type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const WHITE: Rgb = [255, 255, 255];

/**
 * Draws the 192×192 full-colour icon: a white speech bubble holding a person, on the accent
 * colour, fully opaque so it looks the same on light and dark Teams themes.
 */
export function drawColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const background = rgb(ACCENT_COLOR);
  // Teams crops the tile to a rounded square, so the symbol keeps well inside it.
  const box = { left: 36, top: 36, size: 120 };
  const bubble = coverage(speechBubble, size, box);
  const figure = coverage(person, size, box);
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) {
      const onBubble = background[c] + (WHITE[c] - background[c]) * bubble[i];
      png.data[i * 4 + c] = Math.round(onBubble + (background[c] - onBubble) * figure[i]);
    }
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}
