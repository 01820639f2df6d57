// Seeded randomness, so the same input always gives the same report (source samples, label permutations).

/** mulberry32: a small, fast 32-bit generator; returns a function yielding uniforms in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In-place Fisher–Yates shuffle of the first `count` positions (a uniform sample without replacement when count < length). */
export function shufflePrefix(values: Int32Array, count: number, random: () => number): void {
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (values.length - i));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}
