// Ordered pairs of numbers (person indices, or a tie and a period) → dense numbers 0, 1, 2, … in order of first
// appearance. An open-addressing hash table on typed arrays: no key string or boxed number is built per lookup.

export class PairIndex {
  private from = new Int32Array(1 << 10);
  private to = new Int32Array(1 << 10);
  /** Pair number + 1 in each slot; 0 marks an empty slot. */
  private slots = new Int32Array(1 << 10);
  size = 0;

  /** The pair's number, numbering it next (= the previous size) when it is new. */
  numberOf(from: number, to: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(from, to) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot];
      if (found === 0) break;
      if (this.from[slot] === from && this.to[slot] === to) return found - 1;
    }
    // Keep the table at most half full so probe runs stay short.
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    this.insert(from, to, this.size);
    return this.size++;
  }

  private insert(from: number, to: number, number: number): void {
    const mask = this.slots.length - 1;
    let slot = hash(from, to) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.from[slot] = from;
    this.to[slot] = to;
    this.slots[slot] = number + 1;
  }

  private grow(): void {
    const { from, to, slots } = this;
    this.from = new Int32Array(slots.length * 2);
    this.to = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] !== 0) this.insert(from[slot], to[slot], slots[slot] - 1);
  }
}

function hash(from: number, to: number): number {
  const h = Math.imul(from, 0x9e3779b1) ^ Math.imul(to + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
