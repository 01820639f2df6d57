// Exact arithmetic for the privacy checks (src/survey/disclosure.ts, small-support.ts, patterns.ts): residues modulo a
// prime, so eliminations never round. The prime is below 2²⁶, so the product of two residues stays below 2⁵³ and is
// exact in a double.

/** 2²⁶ − 5, prime. */
export const P = 67_108_859;

export const mul = (a: number, b: number) => (a * b) % P;

/**
 * The multiplicative inverse of a nonzero residue (any integer, negative ones included); 0 for a multiple of P. By
 * the extended Euclidean algorithm, whose steps stay below 2²⁶: the same number as Fermat's a^(P−2) (an inverse
 * modulo a prime is unique; both give 0 for 0), without its ~40 multiplications and divisions of 52-bit products.
 */
export function inverse(a: number): number {
  let r = P;
  let next = ((a % P) + P) % P;
  let t = 0;
  let tNext = 1;
  while (next !== 0) {
    const q = Math.floor(r / next);
    const remainder = r - q * next;
    r = next;
    next = remainder;
    const coefficient = t - q * tNext;
    t = tNext;
    tNext = coefficient;
  }
  return t < 0 ? t + P : t;
}
