// Values looked up by the bytes of a plain ASCII field while it is still part of the bytes read (csv-bytes.ts): the
// bytes are hashed and compared in place, so no string is made for a field seen before. The byte path's twin of
// text-table.ts; a cache in front of a slower lookup by string (`resolve`), asked once per distinct field.
import { grown } from "../util/grown.js";

export class ByteTable<T> {
  private values: T[] = [];
  /** Key bytes of every entry, one after another: entry e is keyBytes[keyStart[e], keyStart[e + 1]). */
  private keyBytes = new Uint8Array(1 << 12);
  private keyStart = new Int32Array(1 << 10);
  /** Entry number + 1 per slot; 0 marks an empty slot. */
  private slots = new Int32Array(1 << 10);

  /** `resolve` gives the value of a text, or undefined when there is none (then nothing is cached). */
  constructor(private readonly resolve: (text: string) => T | undefined) {}

  /** The value of bytes[start, end) (ASCII), or undefined. */
  get(bytes: Uint8Array, start: number, end: number): T | undefined {
    const mask = this.slots.length - 1;
    let slot = hashBytes(bytes, start, end) & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      if (this.sameKey(entry - 1, bytes, start, end)) return this.values[entry - 1];
      slot = (slot + 1) & mask;
    }
    // ASCII: the Latin-1 reading of the bytes is their UTF-8 reading.
    const value = this.resolve(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1", start, end),
    );
    if (value === undefined) return undefined;
    this.add(bytes, start, end, value);
    if (2 * this.values.length > this.slots.length) this.rehash();
    else this.slots[slot] = this.values.length;
    return value;
  }

  private add(bytes: Uint8Array, start: number, end: number, value: T): void {
    const entry = this.values.length;
    if (entry + 2 > this.keyStart.length) this.keyStart = grown(this.keyStart, entry + 2);
    const from = this.keyStart[entry];
    if (from + end - start > this.keyBytes.length) this.keyBytes = grown(this.keyBytes, from + end - start);
    this.keyBytes.set(bytes.subarray(start, end), from);
    this.keyStart[entry + 1] = from + end - start;
    this.values.push(value);
  }

  private sameKey(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.keyStart[entry];
    if (this.keyStart[entry + 1] - from !== end - start) return false;
    const keys = this.keyBytes;
    for (let i = 0; i < end - start; i++) if (keys[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      let slot = hashBytes(this.keyBytes, this.keyStart[e], this.keyStart[e + 1]) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = e + 1;
    }
  }
}

/** FNV-1a over bytes[start, end). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h ^ (h >>> 16)) >>> 0;
}
