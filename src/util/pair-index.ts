// Ordered pairs of numbers (person indices, or a tie and a period) → dense numbers 0, 1, 2, … in order of first
// appearance. An open-addressing hash table on typed arrays: no key string or boxed number is built per lookup.
// Each slot holds the two keys and the number side by side, so a lookup touches one cache line, not three.

const SLOT = 4; // from, to, number + 1 (0 = empty), padding to 16 bytes

export class PairIndex {
  private table: Int32Array;
  private mask: number;
  size = 0;

  /** `expected`: about how many pairs will be numbered; the table starts large enough for them, so never grows. */
  constructor(expected = 0) {
    let slots = 1 << 10;
    while (slots < 2 * expected) slots *= 2;
    this.table = new Int32Array(SLOT * slots);
    this.mask = slots - 1;
  }

  /** The pair's number, numbering it next (= the previous size) when it is new. */
  numberOf(from: number, to: number): number {
    const table = this.table;
    const mask = this.mask;
    let slot = hash(from, to) & mask;
    for (;;) {
      const at = slot * SLOT;
      const found = table[at + 2];
      if (found === 0) break;
      if (table[at] === from && table[at + 1] === to) return found - 1;
      slot = (slot + 1) & mask;
    }
    // Keep the table at most half full so probe runs stay short.
    if (2 * (this.size + 1) > mask + 1) {
      this.grow();
      slot = this.freeSlot(from, to);
    }
    this.place(slot, from, to, this.size);
    return this.size++;
  }

  /** Calls visit(from, to, number) for every pair, in no particular order. */
  forEach(visit: (from: number, to: number, number: number) => void): void {
    const table = this.table;
    for (let at = 0; at < table.length; at += SLOT)
      if (table[at + 2] !== 0) visit(table[at], table[at + 1], table[at + 2] - 1);
  }

  private place(slot: number, from: number, to: number, number: number): void {
    const at = slot * SLOT;
    this.table[at] = from;
    this.table[at + 1] = to;
    this.table[at + 2] = number + 1;
  }

  private freeSlot(from: number, to: number): number {
    let slot = hash(from, to) & this.mask;
    while (this.table[slot * SLOT + 2] !== 0) slot = (slot + 1) & this.mask;
    return slot;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] !== 0) this.place(this.freeSlot(old[at], old[at + 1]), old[at], old[at + 1], old[at + 2] - 1);
    }
  }
}

function hash(from: number, to: number): number {
  const h = Math.imul(from, 0x9e3779b1) ^ Math.imul(to + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
