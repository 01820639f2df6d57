import { describe, expect, it } from "vitest";
import { AtomSpan, selectPublishable, type Candidate } from "../../src/survey/disclosure.js";
import { figureKey, planRelease } from "../../src/survey/release.js";
import { findLeak } from "../helpers/attack.js";
import { Rng } from "../../scripts/demo/rng.js";
import { expand } from "./privacy-signed-attack.js";

/** Respondents of each atom, numbered consecutively. */
describe("AtomSpan", () => {
  it("finds a small set in the span, and only then", () => {
    const sizes = [3, 3, 1, 3];
    const span = new AtomSpan(sizes, 5);
    for (const set of [[0, 1, 2, 3], [0, 1], [2]]) span.add(span.reduce(set)!);
    // {2} is published itself; {3} = total − {0,1} − {2}.
    expect(span.exposed()).toEqual([2]);
    expect(span.reduce([3])).toBeNull();
    expect(span.reduce([0])).not.toBeNull();
  });

  it("keeps rows with a small pivot free of large atoms", () => {
    const sizes = [1, 9, 2, 7];
    const span = new AtomSpan(sizes, 5);
    // {0,1} and {1,2}: their difference {0} − {2} involves small atoms only, and covers 3 people: a leak (a signed
    // one — no sum over a set of fewer than 5 is revealed).
    span.add(span.reduce([0, 1])!);
    expect(span.add(span.reduce([1, 2])!).pivot).toBeGreaterThanOrEqual(2);
    expect(span.exposed()).toEqual([0, 2]);
    expect(span.exposed(undefined, true)).toBeNull();
    // Adding {1} isolates {0} and {2}, sums too.
    span.add(span.reduce([1])!);
    expect(span.exposed(undefined, true)).toEqual([0]);
  });
});

describe("selectPublishable", () => {
  it("withholds a second group so the small one cannot be recovered as total − shown", () => {
    const candidates: Candidate[] = [
      { key: "total", sets: [[0, 1, 2]] },
      { key: "A", sets: [[0]] },
      { key: "B", sets: [[1]] },
      { key: "C", sets: [[2]] },
    ];
    expect([...selectPublishable(candidates, { sizes: [9, 6, 2], minGroupSize: 5 })]).toEqual(["total", "A"]);
  });

  it("agrees with an independent attack on random cross-classified tables", () => {
    const rng = new Rng(7, 13);
    let leaksWithoutCheck = 0;
    for (let trial = 0; trial < 200; trial++) {
      const rowsN = 2 + rng.int(3);
      const colsN = 2 + rng.int(3);
      const sizes: number[] = [];
      const cell: [number, number][] = [];
      for (let r = 0; r < rowsN; r++)
        for (let c = 0; c < colsN; c++) {
          if (rng.float() < 0.3) continue;
          sizes.push(1 + rng.int(6));
          cell.push([r, c]);
        }
      const atoms = sizes.map((_, i) => i);
      const candidates: Candidate[] = [{ key: "total", sets: [atoms] }];
      for (let r = 0; r < rowsN; r++) candidates.push({ key: `r${r}`, sets: [atoms.filter((a) => cell[a][0] === r)] });
      for (let c = 0; c < colsN; c++) candidates.push({ key: `c${c}`, sets: [atoms.filter((a) => cell[a][1] === c)] });
      const people = expand(sizes);
      const n = sizes.reduce((a, b) => a + b, 0);
      const setsOf = (keys: Set<string>) =>
        candidates.filter((c) => keys.has(c.key)).flatMap((c) => c.sets.map((s) => s.flatMap((a) => people[a])));
      const safe = selectPublishable(candidates, { sizes, minGroupSize: 5 });
      expect(findLeak(setsOf(safe), n, 5)).toBeNull();
      if (findLeak(setsOf(selectPublishable(candidates, { sizes, minGroupSize: 5, primaryOnly: true })), n, 5))
        leaksWithoutCheck++;
    }
    expect(leaksWithoutCheck).toBeGreaterThan(10);
  });
});

describe("planRelease", () => {
  it("issue 13, attack 1: OrgC doctor and OrgC nurse (one each) cannot be recovered across boundaries", () => {
    // OrgA: 3 doctors, 6 nurses, 3 AHPs; OrgB: 3 doctors, 3 nurses; OrgC: 1 doctor, 1 nurse, 5 AHPs.
    const spec: [string, string, number][] = [
      ["OrgA", "doctor", 3],
      ["OrgA", "nurse", 6],
      ["OrgA", "ahp", 3],
      ["OrgB", "doctor", 3],
      ["OrgB", "nurse", 3],
      ["OrgC", "doctor", 1],
      ["OrgC", "nurse", 1],
      ["OrgC", "ahp", 5],
    ];
    const org: string[] = [];
    const profession: string[] = [];
    for (const [o, p, count] of spec)
      for (let i = 0; i < count; i++) {
        org.push(o);
        profession.push(p);
      }
    const rows = org.map((_, i) => i);
    const attributes = [
      { name: "organisation", values: org },
      { name: "profession", values: profession },
    ];
    const released = planRelease({
      waves: [{ label: null, rows }],
      attributes,
      families: [{ id: "s", member: () => true }],
      minGroupSize: 5,
    });
    const sets = [...released].map((key) => {
      const [, , attribute, value] = key.split("\u0000");
      if (attribute === "") return rows;
      const values = attributes.find((a) => a.name === attribute)!.values;
      return rows.filter((r) => values[r] === value);
    });
    expect(findLeak(sets, rows.length, 5)).toBeNull();
    expect(released.has(figureKey("s", null, null, null))).toBe(true);
  });
});
