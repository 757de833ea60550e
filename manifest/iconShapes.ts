/**
 * A shape in unit coordinates (0..1 across the drawing box, y downwards): true where the point is
 * inside. Both icons draw the same shapes, so the colour and outline icons always match.
 */
export type Shape = (x: number, y: number) => boolean;

/** A rounded rectangle from (left, top) to (right, bottom) with corner radius r. */
function roundedRect(left: number, top: number, right: number, bottom: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(left + r - x, 0, x - (right - r));
    const dy = Math.max(top + r - y, 0, y - (bottom - r));
    return x >= left && x <= right && y >= top && y <= bottom && dx * dx + dy * dy <= r * r;
  };
}

/** A triangle with corners a, b and c (any winding). */
function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/** An ellipse centred on (cx, cy) with radii rx and ry. */
function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/** Everything inside any of the shapes. */
export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** What is inside `shape` but not inside `hole`: how the outline icon cuts the person out. */
export function minus(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}

/** The speech bubble: a rounded body with a tail at the bottom left, as in most chat icons. */
export const speechBubble: Shape = union(roundedRect(0.03, 0.05, 0.97, 0.77, 0.17), triangle([0.18, 0.7], [0.44, 0.7], [0.12, 0.97]));

const shoulders = ellipse(0.5, 0.67, 0.23, 0.18);

/** A person (head and shoulders) in the bubble's body: the member of staff being helped. */
export const person: Shape = union(ellipse(0.5, 0.29, 0.115, 0.115), (x, y) => y <= 0.67 && shoulders(x, y));

/** Where a unit-square drawing sits in the image, in pixels. */
export interface Box {
  left: number;
  top: number;
  size: number;
}

/**
 * How much of each pixel of a width × width image the shape covers (0..1), by sampling a
 * samples × samples grid in every pixel; this is what gives the icons smooth edges.
 */
export function coverage(shape: Shape, width: number, box: Box, samples = 4): Float64Array {
  const result = new Float64Array(width * width);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - box.left) / box.size;
          const y = (py + (sy + 0.5) / samples - box.top) / box.size;
          if (shape(x, y)) hits++;
        }
      }
      result[py * width + px] = hits / (samples * samples);
    }
  }
  return result;
}
