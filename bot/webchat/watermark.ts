/**
 * Reads a Direct Line watermark from a query string: none or empty means "from the start" (Web
 * Chat sends `watermark=` before it has one); anything but a whole number is refused, as Azure's
 * service refuses it with 400.
 */
export function parseWatermark(value: string | null | undefined): { ok: true; watermark: number } | { ok: false } {
  if (value === undefined || value === null || value === '') return { ok: true, watermark: 0 };
  return /^\d{1,15}$/.test(value) ? { ok: true, watermark: Number(value) } : { ok: false };
}

/** The 400 a bad watermark gets, in Direct Line's error shape. */
export const BAD_WATERMARK = {
  status: 400,
  code: 'BadArgument',
  message: 'The watermark must be a whole number of zero or more, as returned by this service.',
};
