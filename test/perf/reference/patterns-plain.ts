// The answer-pattern privacy search as it was before it reduced the small patterns' columns against the big ones
// once (src/survey/patterns.ts): every subset tried rebuilt the big patterns' basis with the other small patterns'
// full columns, and inverses were Fermat's a^(P−2). The fast path must decide every figure alike. `onBranch` tells
// the test which way each decision went, so it can see its inputs reach every one.
import type { AnswerPattern, Figure } from "../../../src/survey/patterns.js";

const P = 67_108_859;
const mul = (a: number, b: number) => (a * b) % P;

/** a^(P−2) modulo P: the inverse the fast path's extended Euclid must equal. */
export function plainInverse(a: number): number {
  let result = 1;
  let base = ((a % P) + P) % P;
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

class Basis {
  private readonly rows: { pivot: number; v: number[] }[] = [];
  add(column: readonly number[]): boolean {
    const v = column.slice();
    for (const { pivot, v: r } of this.rows) {
      const f = v[pivot];
      if (f === 0) continue;
      for (let i = 0; i < v.length; i++) if (r[i] !== 0) v[i] = (v[i] - mul(f, r[i]) + P) % P;
    }
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return false;
    const scale = plainInverse(v[pivot]);
    this.rows.push({ pivot, v: v.map((x) => mul(x, scale)) });
    return true;
  }
  get rank() {
    return this.rows.length;
  }
  clone(): Basis {
    const copy = new Basis();
    copy.rows.push(...this.rows.map((r) => ({ pivot: r.pivot, v: r.v })));
    return copy;
  }
}

export type Branch = "full rank" | "one dimension" | "too many" | "searched: leak" | "searched: safe";

function patternsSafe(
  patterns: readonly AnswerPattern[],
  figures: readonly Figure[],
  k: number,
  onBranch: (b: Branch) => void,
): boolean {
  const columns = new Map(
    patterns.map((p) => [p, p.answered.flatMap((answered, i) => (answered ? [figures.map((f) => f(p, i))] : []))]),
  );
  const columnsOf = (p: AnswerPattern) => columns.get(p)!;
  const total = new Basis();
  for (const p of patterns) for (const c of columnsOf(p)) total.add(c);
  const big = new Basis();
  for (const p of patterns) if (p.persons >= k) for (const c of columnsOf(p)) big.add(c);
  if (big.rank === total.rank) return (onBranch("full rank"), true);
  const small = patterns.filter((p) => p.persons < k && p.persons > 0);
  if (total.rank - big.rank === 1) {
    onBranch("one dimension");
    const outside = small.filter((p) => columnsOf(p).some((c) => big.clone().add(c)));
    return outside.reduce((n, p) => n + p.persons, 0) >= k;
  }
  if (small.length > 24) return (onBranch("too many"), false);
  const leaks = (q: Set<number>) => {
    const b = big.clone();
    small.forEach((p, i) => {
      if (!q.has(i)) for (const c of columnsOf(p)) b.add(c);
    });
    return b.rank < total.rank;
  };
  const search = (from: number, q: Set<number>, persons: number): boolean => {
    if (q.size > 0 && leaks(q)) return true;
    for (let i = from; i < small.length; i++) {
      if (persons + small[i].persons >= k) continue;
      q.add(i);
      const found = search(i + 1, q, persons + small[i].persons);
      q.delete(i);
      if (found) return true;
    }
    return false;
  };
  const leak = search(0, new Set(), 0);
  onBranch(leak ? "searched: leak" : "searched: safe");
  return !leak;
}

export function plainSelectFigures(
  patterns: readonly AnswerPattern[],
  fixed: readonly Figure[],
  optional: readonly Figure[],
  k: number,
  onBranch: (b: Branch) => void = () => {},
): boolean[] | null {
  if (!patternsSafe(patterns, fixed, k, onBranch)) return null;
  const kept: Figure[] = [...fixed];
  return optional.map((figure) => {
    if (!patternsSafe(patterns, [...kept, figure], k, onBranch)) return false;
    kept.push(figure);
    return true;
  });
}
