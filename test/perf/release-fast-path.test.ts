// The release plan's fast paths (src/survey/release.ts) against the plain ones. A plan shared by families with the
// same respondents against each family planned on its own: the same keys in the same order. Families are drawn to
// share rows exactly, to differ by one row, and to hold as many rows as another family but not the same ones, so a
// plan shared on anything less than the rows themselves fails. And each row's cell numbered attribute by attribute
// against the text key joining its values.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellsOf, planRelease, type ReleaseInput } from "../../src/survey/release.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(150, 1500);

/** The plain plan: one planRelease per wave and family, the keys in that order. */
const plainPlan = (input: ReleaseInput) =>
  input.waves.flatMap((wave) =>
    input.families.flatMap((family) => [...planRelease({ ...input, waves: [wave], families: [family] })]),
  );

/** How a family's members derive from a drawn mask or an earlier family's (index taken modulo those drawn before). */
type Member = { kind: "mask"; mask: boolean[] } | { kind: "same" | "oneLess" | "rotated"; of: number };

const memberArb = (rows: number): fc.Arbitrary<Member> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("mask" as const),
      mask: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
    }),
    fc.record({ kind: fc.constantFrom("same" as const, "oneLess" as const, "rotated" as const), of: fc.nat(5) }),
  );

function masksOf(members: Member[], rows: number): boolean[][] {
  const masks: boolean[][] = [];
  for (const m of members) {
    if (m.kind === "mask" || masks.length === 0) {
      masks.push(m.kind === "mask" ? m.mask : new Array<boolean>(rows).fill(true));
      continue;
    }
    const base = masks[m.of % masks.length];
    if (m.kind === "same") masks.push([...base]);
    else if (m.kind === "oneLess") {
      const last = base.lastIndexOf(true);
      masks.push(base.map((x, r) => x && r !== last));
    } else masks.push(base.map((_, r) => base[(r + 1) % rows]));
  }
  return masks;
}

const value = fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: null });
const surveyArb = fc.integer({ min: 1, max: 40 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    waveOf: fc.array(fc.constantFrom("w1", "w2"), { minLength: rows, maxLength: rows }),
    attributes: fc.array(fc.array(value, { minLength: rows, maxLength: rows }), { minLength: 1, maxLength: 3 }),
    members: fc.array(memberArb(rows), { minLength: 1, maxLength: 5 }),
    k: fc.integer({ min: 2, max: 5 }),
  }),
);

describe("release plan shared by families with the same rows", () => {
  it("equals each family planned on its own", () => {
    const seen = { shared: 0, sameCountOtherRows: 0 };
    fc.assert(
      fc.property(surveyArb, ({ rows, waveOf, attributes, members, k }) => {
        const masks = masksOf(members, rows);
        const all = Array.from({ length: rows }, (_, r) => r);
        const waves = ["w1", "w2"].map((label) => ({ label, rows: all.filter((r) => waveOf[r] === label) }));
        const input: ReleaseInput = {
          waves,
          attributes: attributes.map((values, a) => ({ name: `attribute${a}`, values })),
          families: masks.map((mask, f) => ({ id: `family${f}`, member: (r: number) => mask[r] })),
          minGroupSize: k,
        };
        for (const wave of waves) {
          const memberRows = masks.map((mask) => wave.rows.filter((r) => mask[r]).join());
          memberRows.forEach((key, f) => {
            const earlier = memberRows.slice(0, f);
            if (earlier.includes(key)) seen.shared++;
            else if (earlier.some((e) => e.split(",").length === key.split(",").length)) seen.sameCountOtherRows++;
          });
        }
        expect([...planRelease(input)]).toEqual(plainPlan(input));
      }),
      { numRuns: RUNS },
    );
    expect(seen.shared).toBeGreaterThan(10);
    expect(seen.sameCountOtherRows).toBeGreaterThan(10);
  });
});

describe("cells numbered attribute by attribute", () => {
  /** The plain cells: each row's values joined by U+0000 (a missing one as U+0001), numbered by first appearance. */
  function joinedCells(rows: number[], attributes: ReleaseInput["attributes"]): number[] {
    const cellOf = new Map<string, number>();
    return rows.map((r) => {
      const key = attributes.map((a) => a.values[r] ?? "\u0001").join("\u0000");
      if (!cellOf.has(key)) cellOf.set(key, cellOf.size);
      return cellOf.get(key)!;
    });
  }
  const text = (units: string[]) =>
    fc.option(fc.string({ unit: fc.constantFrom(...units), maxLength: 2 }), { nil: null });
  const drawn = (units: string[]) =>
    fc.integer({ min: 0, max: 40 }).chain((rows) =>
      fc.record({
        rows: fc.shuffledSubarray(
          Array.from({ length: rows }, (_, r) => r),
          { minLength: 0, maxLength: rows },
        ),
        attributes: fc.array(fc.array(text(units), { minLength: rows, maxLength: rows }), { maxLength: 4 }),
      }),
    );
  const inputOf = (attributes: (string | null)[][]) => attributes.map((values, a) => ({ name: `a${a}`, values }));

  it("equal the joined keys' cells when no value holds U+0000 or U+0001", () => {
    fc.assert(
      fc.property(drawn(["a", "b", ""]), ({ rows, attributes }) => {
        const input = inputOf(attributes);
        expect(cellsOf(rows, { attributes: input })).toEqual(joinedCells(rows, input));
      }),
      { numRuns: RUNS },
    );
  });

  // The joined keys took a missing value for "\u0001", and "a\u0000" then "b" for "a" then "\u0000b": one cell.
  it("are the same for two rows exactly when every value is, whatever the values hold", () => {
    fc.assert(
      fc.property(drawn(["a", "\u0000", "\u0001"]), ({ rows, attributes }) => {
        const cells = cellsOf(rows, { attributes: inputOf(attributes) });
        rows.forEach((r, i) =>
          rows.forEach((s, j) =>
            expect(cells[i] === cells[j]).toBe(attributes.every((values) => values[r] === values[s])),
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
