// Values looked up by the text of a field while it is still part of its line: the characters are hashed and
// compared in place, so reading a row of a large file does not cut a string out of it for every id. A cache in front
// of a slower lookup by string (`resolve`), which is asked once per distinct text.

export class TextTable<T> {
  private keys: string[] = [];
  private values: T[] = [];
  /** Entry number + 1 per slot; 0 marks an empty slot. */
  private slots = new Int32Array(1 << 10);

  /** `resolve` gives the value of a text, or undefined when there is none (then nothing is cached). */
  constructor(private readonly resolve: (text: string) => T | undefined) {}

  /** The value of text[start, end), or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    const mask = this.slots.length - 1;
    let slot = hashRange(text, start, end) & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      if (sameText(this.keys[entry - 1], text, start, end)) return this.values[entry - 1];
      slot = (slot + 1) & mask;
    }
    const key = text.slice(start, end);
    const value = this.resolve(key);
    if (value === undefined) return undefined;
    this.keys.push(key);
    this.values.push(value);
    if (2 * this.keys.length > this.slots.length) this.rehash();
    else this.slots[slot] = this.keys.length;
    return value;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.keys.forEach((key, i) => {
      let slot = hashRange(key, 0, key.length) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = i + 1;
    });
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) >>> 0;
}

function sameText(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
