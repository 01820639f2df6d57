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

/** The system of `seed`, with a fall planted between Acute and Social (one way on odd seeds), and a profession. */
function system(seed: number, order: string[]) {
  const data = syntheticDataset({
    seed,
    weeks: 26,
    groups,
    links,
    change: (a, b, w) =>
      w >= 14 && ((a === "Acute" && b === "Social") || (seed % 2 === 0 && a === "Social" && b === "Acute"))
        ? Math.max(0.1, 1 - 0.15 * (w - 13))
        : 1,
  });
  data.people!.people.forEach((p, i) => (p.attributes.profession = ["nurse", "doctor", "therapist"][(i * 7) % 3]));
  data.boundaries = order;
  return data;
}

const ofBoundary = (series: Series[], attribute: string) =>
  new Map(series.filter((s) => s.subject.attribute === attribute).map((s) => [s.id, s]));

describe("the scene keeps what is read or published", () => {
  for (let seed = 1; seed <= 8; seed++)
    it(`publishes a later boundary's series as the plain filter of all of them (seed ${seed})`, () => {
      const first = analyseSignals(system(seed, ["organisation", "profession"]))!;
      const second = analyseSignals(system(seed, ["profession", "organisation"]))!;
      expect(second.signals).toEqual(first.signals);
      expect(second.seriesCharted).toBe(first.seriesCharted);
      const named = new Set(first.signals.map((s) => s.series));
      const all = ofBoundary(first.series, "organisation");
      expect(all.size).toBeGreaterThan(0);
      const plain = [...all.values()].filter(
        (s) =>
          named.has(s.id) ||
          s.rebaseSuggestion !== null ||
          [...s.points].reverse().find((p) => p.value !== null && !p.excluded)?.special === "concern",
      );
      expect(ofBoundary(second.series, "organisation")).toEqual(new Map(plain.map((s) => [s.id, s])));
    });
});
