import { PNG } from 'pngjs';
import { coverage, minus, person, speechBubble } from './iconShapes';

/** Teams' size for the outline icon, in pixels. */
export const OUTLINE_ICON_SIZE = 32;

/**
 * Draws the 32×32 outline icon: the same bubble with the person cut out, white on transparent,
 * because Teams tints it and refuses any other colour.
 */
export function drawOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  // Finer sampling than the colour icon, since each edge pixel matters at this size.
  const glyph = coverage(minus(speechBubble, person), size, { left: 1, top: 1, size: 30 }, 8);
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    const alpha = Math.round(glyph[i] * 255);
    // Only the alpha varies; transparent pixels are written as all zero so no stray colour remains.
    const value = alpha === 0 ? 0 : 255;
    png.data.fill(value, i * 4, i * 4 + 3);
    png.data[i * 4 + 3] = alpha;
  }
  return PNG.sync.write(png);
}
