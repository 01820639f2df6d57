// Distinct values known by their hashes (whole numbers below 2^53), each numbered 0, 1, 2, … as added: an
// open-addressing table in typed arrays, so a row's lookup is a few array reads and no string or Map is touched.

export class HashCodes {
  private readonly mask: number;
  /** Code + 1 in each slot; 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly keys: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    // At most half full, so a probe ends soon.
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.mask = slots - 1;
    this.slots = new Int32Array(slots);
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  /** Numbers a new hash; −1 when it is already there (two values with one hash), or when the table is full. */
  add(hash: number): number {
    if (this.size === this.keys.length) return -1;
    let s = this.slotOf(hash);
    for (; this.slots[s] !== 0; s = (s + 1) & this.mask) if (this.keys[this.slots[s] - 1] === hash) return -1;
    this.keys[this.size] = hash;
    this.slots[s] = ++this.size;
    return this.size - 1;
  }

  /** The code of a hash; −1 when it was never added. */
  find(hash: number): number {
    let s = this.slotOf(hash);
    for (; this.slots[s] !== 0; s = (s + 1) & this.mask)
      if (this.keys[this.slots[s] - 1] === hash) return this.slots[s] - 1;
    return -1;
  }

  /** The hash's low 32 bits pick its first slot (DuckDB's hash mixes every bit). */
  private slotOf(hash: number): number {
    return (hash >>> 0) & this.mask;
  }
}
