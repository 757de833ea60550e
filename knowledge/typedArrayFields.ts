/** The typed arrays saved files carry, by the name written beside their bytes. */
const TYPED_ARRAYS = { Int32Array, Float64Array } as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

/** How a typed array is written in a JSON file: its kind and its bytes (little-endian, as every supported platform stores them). */
interface EncodedTypedArray {
  $typed: TypedArrayName;
  base64: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/**
 * A copy of a value with every typed array held in an object's field written as base64 bytes, so
 * float64 weights survive JSON exactly and load without parsing their digits. Arrays are not
 * searched (typed arrays live in fields), which keeps this quick over large lists of strings.
 */
export function encodeTypedArrays(value: unknown): unknown {
  if (value instanceof Int32Array || value instanceof Float64Array) {
    const encoded: EncodedTypedArray = {
      $typed: value instanceof Int32Array ? 'Int32Array' : 'Float64Array',
      base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
    };
    return encoded;
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, encodeTypedArrays(field)]));
}

/** Reverses `encodeTypedArrays` in place; throws on bytes that do not make whole elements (a damaged file). */
export function decodeTypedArrays(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const { $typed, base64 } = value as Partial<EncodedTypedArray>;
  if (typeof $typed === 'string' && typeof base64 === 'string' && Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, $typed)) {
    const kind = TYPED_ARRAYS[$typed];
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.byteLength % kind.BYTES_PER_ELEMENT !== 0) throw new Error(`a saved ${$typed} has ${bytes.byteLength} bytes, not whole elements`);
    // Copied into a buffer of its own: Buffer's pooled memory is not aligned for 8-byte elements.
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return new kind(copy);
  }
  for (const [key, field] of Object.entries(value)) value[key] = decodeTypedArrays(field);
  return value;
}

/** The buffers behind every typed array held in an object's field, to hand to another thread without copying them. */
export function typedArrayBuffers(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value instanceof Int32Array || value instanceof Float64Array) into.add(value.buffer as ArrayBuffer);
  else if (isPlainObject(value)) for (const field of Object.values(value)) typedArrayBuffers(field, into);
  return [...into];
}
