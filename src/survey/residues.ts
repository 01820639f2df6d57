// Exact arithmetic for the privacy checks (src/survey/disclosure.ts, small-support.ts, patterns.ts): residues modulo a
// prime, so eliminations never round. The prime is below 2²⁶, so the product of two residues stays below 2⁵³ and is
// exact in a double.

/** 2²⁶ − 5, prime. */
export const P = 67_108_859;

export const mul = (a: number, b: number) => (a * b) % P;

/** The multiplicative inverse of a nonzero residue (any integer, negative ones included), by Fermat: a^(P−2). */
export function inverse(a: number): number {
  let result = 1;
  let base = ((a % P) + P) % P;
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}
