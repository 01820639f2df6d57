// Growing a typed array the one way every builder here grows one: a new array of at least twice the length (or of
// the length asked for, doubling until it fits), with the old contents copied to its start.

/** A copy of `array` in a larger array of the same type: twice its length, doubled again until ≥ `atLeast`. */
export function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, atLeast = 0): T {
  let size = Math.max(1, array.length * 2);
  while (size < atLeast) size *= 2;
  const next = new (array.constructor as new (length: number) => T)(size);
  next.set(array);
  return next;
}
