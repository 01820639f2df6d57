// The relational coordination matrix against signed combinations. planCoordination argues the matrix safe because,
// over the hidden cells, what the published aggregates leave are disjoint blocks of k or more people. This test
// does not take that argument on trust: an attacker that knows every published figure's unit set looks for any
// set of cells, holding fewer than k distinct people, on whose ratings alone some linear combination of the
// published sums depends (exact rank over the rationals, test/survey/privacy-signed-attack.ts). Units, not people,
// are what a figure sums (one per person and rated group), so "fewer than k" counts the people behind the units.
import { describe, expect, it } from "vitest";
import { Rng } from "../../scripts/demo/rng.js";
import { planCoordination, type MatrixCell } from "../../src/survey/coordination-privacy.js";
import { exactRank } from "./privacy-signed-attack.js";

const receivedId = (group: string) => `received\u0000${group}`;

/** A random matrix: a few groups, each rater rating a random set of groups (their own included or not). */
function matrix(rng: Rng): { cells: MatrixCell[]; k: number } {
  const k = 3 + rng.int(4);
  const groups = Array.from({ length: 2 + rng.int(4) }, (_, g) => `g${g}`);
  const cells = new Map<string, MatrixCell>();
  let person = 0;
  for (const raterGroup of groups) {
    const raters = rng.int(2 * k + 2);
    for (let r = 0; r < raters; r++, person++)
      for (const ratedGroup of groups) {
        if (rng.float() < 0.45) continue;
        const id = `${raterGroup}>${ratedGroup}`;
        const cell = cells.get(id) ?? { id, raterGroup, ratedGroup, persons: new Set<number>() };
        (cell.persons as Set<number>).add(person);
        cells.set(id, cell);
      }
  }
  return { cells: [...cells.values()], k };
}

/** The cells behind each figure the matrix can publish: each cell, within, between and each group's received. */
function figures(cells: readonly MatrixCell[]): Map<string, MatrixCell[]> {
  const all = new Map<string, MatrixCell[]>(cells.map((c) => [c.id, [c]]));
  const diagonal = cells.filter((c) => c.raterGroup === c.ratedGroup);
  const between = cells.filter((c) => c.raterGroup !== c.ratedGroup);
  if (diagonal.length > 0) all.set("within", diagonal);
  if (between.length > 0) all.set("between", between);
  for (const g of new Set(between.map((c) => c.ratedGroup)))
    all.set(
      receivedId(g),
      between.filter((c) => c.ratedGroup === g),
    );
  return all;
}

/**
 * Cells, together holding fewer than k people, on which alone some combination of the shown figures depends; null
 * when there are none. A cell's units enter every figure alike, so one column per cell gives the same ranks as one
 * per unit; a combination isolates a set of cells iff dropping their columns lowers the rank.
 */
function leak(cells: readonly MatrixCell[], hidden: ReadonlySet<string>, k: number): string[] | null {
  const shown = [...figures(cells)].filter(([id]) => !hidden.has(id)).map(([, members]) => new Set(members));
  if (shown.length === 0) return null;
  const rows = (columns: readonly MatrixCell[]) => shown.map((members) => columns.map((c) => (members.has(c) ? 1 : 0)));
  const full = exactRank(rows(cells));
  const people = (chosen: readonly MatrixCell[]) => new Set(chosen.flatMap((c) => [...c.persons])).size;
  const search = (from: number, chosen: MatrixCell[]): string[] | null => {
    if (chosen.length > 0 && exactRank(rows(cells.filter((c) => !chosen.includes(c)))) < full)
      return chosen.map((c) => c.id);
    for (let i = from; i < cells.length; i++) {
      const next = [...chosen, cells[i]];
      if (people(next) < k) {
        const found = search(i + 1, next);
        if (found) return found;
      }
    }
    return null;
  };
  return search(0, []);
}

/** The plan without its second step: only figures of fewer than k people hidden (a control the attacker must beat). */
function primaryOnly(cells: readonly MatrixCell[], k: number): Set<string> {
  const people = (members: readonly MatrixCell[]) => new Set(members.flatMap((c) => [...c.persons])).size;
  return new Set([...figures(cells)].filter(([, members]) => people(members) < k).map(([id]) => id));
}

describe("relational coordination matrix against signed combinations", () => {
  it("a hand-worked matrix: one small cell beside a shown column total would be found by difference", () => {
    // g0 rates g1 (5 people) and g2 rates g1 (2 people): received(g1) − cell(g0→g1) is g2's two raters.
    const cell = (id: string, raterGroup: string, ratedGroup: string, persons: number[]): MatrixCell => ({
      id,
      raterGroup,
      ratedGroup,
      persons: new Set(persons),
    });
    const cells = [cell("a", "g0", "g1", [0, 1, 2, 3, 4]), cell("b", "g2", "g1", [5, 6])];
    expect(leak(cells, primaryOnly(cells, 3), 3)).toEqual(["b"]);
    const hidden = planCoordination(cells, 3);
    expect(leak(cells, hidden, 3)).toBeNull();
    expect(hidden.has("a") || hidden.has(receivedId("g1"))).toBe(true);
  });

  it("no combination of 200 random matrices' shown figures isolates fewer than k people", () => {
    const rng = new Rng(83, 2026);
    let leaksWithoutPlan = 0;
    for (let run = 0; run < 200; run++) {
      const { cells, k } = matrix(rng);
      const found = leak(cells, planCoordination(cells, k), k);
      expect(found, `run ${run}, k = ${k}`).toBeNull();
      if (leak(cells, primaryOnly(cells, k), k)) leaksWithoutPlan++;
    }
    // The control: with primary suppression only, the same attacker finds leaks, so the matrices are hard enough.
    expect(leaksWithoutPlan).toBeGreaterThan(80);
  });
});
