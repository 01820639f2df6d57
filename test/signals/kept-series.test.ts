// The scene keeps only the series that may be published (always published, or with a current concern, the only
// ones a signal can name) and only the pair charts a detector reads; the rest are charted and counted. Held to the
// plain rule: with the boundary made first, every one of its series is published in full, and filtering those by
// what the section publishes for a later boundary (a signal names it, a suggested rebase, a concern at its latest
// point) gives exactly what the run with it second published, series by series; signals and counts are the same.
import { describe, expect, it } from "vitest";
import { analyseSignals } from "../../src/signals/analyse.js";
import type { Series } from "../../src/result/signals.js";
import { syntheticDataset } from "./synthetic.js";

const groups = { Acute: 12, Community: 10, Social: 8, Primary: 9 };
const links = [
  { from: "Acute", to: "Community", per: 2, rate: 1.2, back: 1.0 },
  { from: "Acute", to: "Social", per: 2, rate: 1.0, back: 1.0 },
  { from: "Community", to: "Social", per: 1, rate: 1.0, back: 0.8 },
  { from: "Primary", to: "Acute", per: 2, rate: 1.0, back: 0.9 },
  { from: "Acute", to: "Acute", per: 3, rate: 2, back: 2 },
  { from: "Community", to: "Community", per: 3, rate: 2, back: 2 },
];

/**
 * The system of `seed`, with a fall planted between Acute and Social (one way on odd seeds), and a profession. With
 * `recovered`, the last week is back to normal: the concern is current (within the last RECENT points) but not at
 * the latest point, so only a signal naming the series gets it published.
 */
function system(seed: number, order: string[], recovered = false) {
  const data = syntheticDataset({
    seed,
    weeks: 26,
    groups,
    links,
    change: (a, b, w) =>
      w >= 14 &&
      !(recovered && w === 25) &&
      ((a === "Acute" && b === "Social") || (seed % 2 === 0 && a === "Social" && b === "Acute"))
        ? Math.max(0.1, 1 - 0.15 * (w - 13))
        : 1,
  });
  data.people!.people.forEach((p, i) => (p.attributes.profession = ["nurse", "doctor", "therapist"][(i * 7) % 3]));
  data.boundaries = order;
  return data;
}

const ofBoundary = (series: Series[], attribute: string) =>
  new Map(series.filter((s) => s.subject.attribute === attribute).map((s) => [s.id, s]));

const latestIsConcern = (s: Series) => s.points.findLast((p) => p.value !== null && !p.excluded)?.special === "concern";

/** Runs `seed` with organisation first and second; returns what the plain rule says against what was published. */
function bothOrders(seed: number, recovered: boolean) {
  const first = analyseSignals(system(seed, ["organisation", "profession"], recovered))!;
  const second = analyseSignals(system(seed, ["profession", "organisation"], recovered))!;
  return { first, second };
}

describe("the scene keeps what is read or published", () => {
  // Without this case every named series also had a concern at its latest point, so keeping only the series that
  // are always published passed the test below; a named series whose latest point has recovered tells them apart.
  it("publishes a later boundary's series that a signal names although its latest point has recovered", () => {
    let namedRecovered = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { first, second } = bothOrders(seed, true);
      expect(second.signals).toEqual(first.signals);
      const named = new Set(second.signals.map((s) => s.series));
      for (const s of ofBoundary(first.series, "organisation").values())
        if (named.has(s.id) && !latestIsConcern(s) && s.rebaseSuggestion === null) {
          namedRecovered++;
          expect(ofBoundary(second.series, "organisation").get(s.id)).toEqual(s);
        }
    }
    expect(namedRecovered).toBeGreaterThan(0);
  });

  for (let seed = 1; seed <= 8; seed++)
    it(`publishes a later boundary's series as the plain filter of all of them (seed ${seed})`, () => {
      const { first, second } = bothOrders(seed, false);
      expect(second.signals).toEqual(first.signals);
      expect(second.seriesCharted).toBe(first.seriesCharted);
      const named = new Set(first.signals.map((s) => s.series));
      const all = ofBoundary(first.series, "organisation");
      expect(all.size).toBeGreaterThan(0);
      const plain = [...all.values()].filter(
        (s) => named.has(s.id) || s.rebaseSuggestion !== null || latestIsConcern(s),
      );
      expect(ofBoundary(second.series, "organisation")).toEqual(new Map(plain.map((s) => [s.id, s])));
    });
});
