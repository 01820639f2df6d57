// The answer-pattern privacy search (src/survey/patterns.ts) against the plain one it replaced
// (test/perf/reference/patterns-plain.ts): the small patterns' columns reduced against the big ones once, the
// figures' weights computed once per offer, inverses by extended Euclid. Every figure must be kept or withheld
// alike, on random patterns and figures that reach each way the search decides (counted, so a drift of the
// generator away from one of them fails too).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectFigures, weight, type AnswerPattern, type Figure } from "../../src/survey/patterns.js";
import { inverse, P } from "../../src/survey/residues.js";
import { propertyRuns } from "../helpers/size.js";
import { plainInverse, plainSelectFigures, type Branch } from "./reference/patterns-plain.js";

const RUNS = propertyRuns(60, 2000);

/** A figure as drawn: a share over some items (1/answered among them, as RC sub-indices), one item, or a table. */
type FigureSpec =
  { kind: "share"; items: boolean[] } | { kind: "item"; item: number } | { kind: "table"; values: number[][] };

function figureOf(spec: FigureSpec, patterns: readonly AnswerPattern[]): Figure {
  if (spec.kind === "item") return (_, i) => (i === spec.item ? 1 : 0);
  if (spec.kind === "table") return (p, i) => spec.values[patterns.indexOf(p) % spec.values.length][i];
  return (p, i) => {
    if (!spec.items[i]) return 0;
    const answered = spec.items.filter((inSet, j) => inSet && p.answered[j]).length;
    return weight(1, answered);
  };
}

const residue = fc.constantFrom(0, 1, 2, P - 1, weight(1, 3), weight(2, 7));

const caseArb = fc
  .record({ items: fc.integer({ min: 2, max: 6 }), many: fc.integer({ min: 0, max: 4 }).map((x) => x === 0) })
  .chain(({ items, many }) =>
    fc.record({
      k: many ? fc.integer({ min: 3, max: 6 }) : fc.integer({ min: 1, max: 5 }),
      patterns: fc.array(
        fc.record({
          // With many patterns, all of them small: past MAX_SEARCHED small patterns the search is not tried.
          persons: many
            ? fc.integer({ min: 1, max: 2 })
            : fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }, fc.integer({ min: 0, max: 8 })),
          answered: fc.array(fc.boolean(), { minLength: items, maxLength: items }).filter((a) => a.some(Boolean)),
        }),
        many ? { minLength: 25, maxLength: 30 } : { minLength: 1, maxLength: 9 },
      ),
      figures: fc.array(
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({
              kind: fc.constant("share" as const),
              items: fc.array(fc.boolean(), { minLength: items, maxLength: items }),
            }),
          },
          {
            weight: 3,
            arbitrary: fc.record({ kind: fc.constant("item" as const), item: fc.integer({ min: 0, max: items - 1 }) }),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant("table" as const),
              values: fc.array(fc.array(residue, { minLength: items, maxLength: items }), {
                minLength: 1,
                maxLength: 4,
              }),
            }),
          },
        ),
        { minLength: 1, maxLength: 8 },
      ),
      fixedCount: fc.integer({ min: 0, max: 2 }),
    }),
  );

describe("answer-pattern privacy search", () => {
  it("keeps and withholds the same figures as the plain search", () => {
    const branches = new Map<Branch, number>();
    fc.assert(
      fc.property(caseArb, ({ k, patterns, figures, fixedCount }) => {
        const all = figures.map((spec) => figureOf(spec, patterns));
        const fixed = all.slice(0, fixedCount);
        const optional = all.slice(fixedCount);
        const plain = plainSelectFigures(patterns, fixed, optional, k, (b) =>
          branches.set(b, (branches.get(b) ?? 0) + 1),
        );
        expect(selectFigures(patterns, fixed, optional, k)).toEqual(plain);
      }),
      { numRuns: RUNS },
    );
    // Each way of deciding is reached several times (the counts vary with the runs; none may be missing).
    for (const branch of ["full rank", "one dimension", "too many", "searched: leak", "searched: safe"] as const)
      expect(branches.get(branch) ?? 0, branch).toBeGreaterThan(3);
  });

  it("inverses by extended Euclid equal Fermat's a^(P−2), negative numbers and multiples of P included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2 * P, max: 2 * P }),
          fc.integer({ min: -3, max: 3 }).map((m) => m * P),
          fc.integer({ min: 1, max: 50 }),
        ),
        (a) => {
          expect(inverse(a)).toBe(plainInverse(a));
          if (a % P !== 0) expect(((((a % P) + P) % P) * inverse(a)) % P).toBe(1);
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });
});
