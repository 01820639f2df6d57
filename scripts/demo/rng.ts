// Seeded randomness for the demo generator. sfc32 (Chris Doty-Humphrey's "small fast counting" generator, as in
// PractRand) seeded from a hash of (seed, stream, i, j): every entity (a person, a tie in a week) gets its own
// stream, so switching a planted pattern on or off changes only the rows that pattern touches.

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash step. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a stream name, so streams are named in code rather than numbered by hand. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, stream: number, i = 0, j = 0) {
    this.reseed(seed, stream, i, j);
  }

  /** Restart on the stream for (seed, stream, i, j); reused in hot loops instead of allocating. */
  reseed(seed: number, stream: number, i: number, j: number): this {
    const a = fmix32((seed ^ 0x9e3779b9) >>> 0);
    const b = fmix32((a ^ stream) >>> 0);
    const c = fmix32((b ^ (i + 0x632be5ab)) >>> 0);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = fmix32((c ^ (j + 0x85ebca77)) >>> 0);
    // A few rounds so that nearby keys (i, i + 1) give unrelated first outputs.
    for (let k = 0; k < 12; k++) this.uint32();
    return this;
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** This stream as a plain uniform source, for the samplers below. */
  private readonly uniform = (): number => this.float();

  normal(): number {
    return normalFrom(this.uniform);
  }

  poisson(lambda: number): number {
    return poissonFrom(this.uniform, lambda);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** `k` distinct items (or all of them when there are fewer), in draw order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, k);
  }
}

/** Standard normal (Box–Muller, no cached spare: always two uniforms, so draw counts stay fixed). */
function normalFrom(uniform: () => number): number {
  const u = 1 - uniform();
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson(λ): Knuth's product of uniforms for small λ, a rounded normal for large λ (error < 1% beyond 30). */
export function poissonFrom(uniform: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalFrom(uniform)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = uniform();
  while (p > limit) {
    k++;
    p *= uniform();
  }
  return k;
}

/** Index into a cumulative weight table (last entry = total) for a uniform u in [0, 1). */
export function pickCumulative(cumulative: ArrayLike<number>, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (out[i] = total += w));
  return out;
}
