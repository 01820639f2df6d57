// Dormant ties' tally (src/signals/people-links.ts) against the plain form it had before round seven (issue 15) put
// its long loops in functions of their own, summed the system's silence in locals and began the hazard as a double:
// one function, the system's sums in an object, each pair's hazard worked out after the tally loop. The family's
// p-values rest on every tie's probability (its own rate and the hazard), so each signal's p must match to the bit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Dataset } from "../../src/model/types.js";
import { buildScene } from "../../src/signals/scene.js";
import { buildTimeline } from "../../src/signals/timeline.js";
import { dormantTieSignals } from "../../src/signals/people-links.js";
import {
  FAMILY_ALPHA,
  holm,
  poissonBinomialUpperTail,
  silenceProbability,
  silentPeriodRate,
} from "../../src/signals/null-models.js";
import { DORMANT_PERIODS } from "../../src/signals/pair-activity.js";
import { syntheticDataset } from "../signals/synthetic.js";
import { propertyRuns } from "../helpers/size.js";

/** people-links.ts's thresholds, as the plain form read them. */
const STRONG_TIE_ACTIVITY = 0.5;
const DORMANT_MIN_TIES = 3;

/** Each pair of groups the plain form tested, in the detector's order: its id, p, Holm-adjusted p and whether it signals. */
function plainFamily(data: Dataset) {
  const scene = buildScene(data, null, buildTimeline(data), {});
  const pairs = scene.relational!.pairs!;
  const boundaries = scene.relational!.boundaries.map((b) => b.series);
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const left = data.people!.people.map((p) => p.left !== undefined && p.left <= endInstant);
  const periods = pairs.baselinePeriods;
  const strong = (k: number) => pairs.activeBaseline[k] >= STRONG_TIE_ACTIVITY * periods;
  const why = (k: number) =>
    left[pairs.a[k]] || left[pairs.b[k]]
      ? "leaver"
      : !pairs.present[pairs.a[k]] || !pairs.present[pairs.b[k]]
        ? "absent"
        : null;
  const quiet = (k: number) => silenceProbability(silentPeriodRate(pairs.activeBaseline[k], periods), DORMANT_PERIODS);
  const system = { ties: 0, silent: 0, expected: 0 };
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k) || why(k) !== null) continue;
    system.ties++;
    system.silent += pairs.silent[k];
    system.expected += quiet(k);
  }
  const tallies = new Map<string, { b: number; ga: number; gb: number; quiet: number[]; silent: number }>();
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k) || why(k) !== null) continue;
    boundaries.forEach(({ index }, b) => {
      const [x, y] = [index.of[pairs.a[k]], index.of[pairs.b[k]]];
      if (x < 0 || y < 0 || x === y || !index.reportable[x] || !index.reportable[y]) return;
      const [ga, gb] = [Math.min(x, y), Math.max(x, y)];
      const key = `${b}:${ga}:${gb}`;
      if (!tallies.has(key)) tallies.set(key, { b, ga, gb, quiet: [], silent: 0 });
      const entry = tallies.get(key)!;
      entry.quiet.push(quiet(k));
      entry.silent += pairs.silent[k];
    });
  }
  const family = [...tallies.values()]
    .map((e) => {
      const ties = system.ties - e.quiet.length;
      const silent = system.silent - e.silent;
      const expected = system.expected - e.quiet.reduce((sum, x) => sum + x, 0);
      const hazard = ties - expected > 0 ? Math.min(1, Math.max(0, (silent - expected) / (ties - expected))) : 0;
      const { index } = boundaries[e.b];
      return {
        ...e,
        attribute: index.attribute,
        id: `dormant-ties:${index.attribute}:${index.names[e.ga]}|${index.names[e.gb]}`,
        p: poissonBinomialUpperTail(
          e.silent,
          e.quiet.map((x) => x + (1 - x) * hazard),
        ),
      };
    })
    .sort((x, y) => x.attribute.localeCompare(y.attribute) || x.ga - y.ga || x.gb - y.gb);
  const adjusted = holm(family.map((t) => t.p));
  const signals = family
    .map((t, i) => ({ id: t.id, p: t.p, adjusted: adjusted[i], signals: t.silent >= DORMANT_MIN_TIES }))
    .filter((t) => t.signals && t.adjusted < FAMILY_ALPHA);
  return { scene, signals };
}

const four = { Acute: 8, Community: 8, Primary: 8, Social: 8 };
const names = Object.keys(four);
const allPairs = names.flatMap((a, i) => [
  { from: a, to: a, per: 3, rate: 2, back: 2 },
  ...names.slice(i + 1).map((b) => ({ from: a, to: b, per: 2, rate: 1.5, back: 1.5 })),
]);

/** Four organisations and a second boundary (site) across them; `quiet` pairs of organisations silent from `from`. */
function system(seed: number, quiet: string[], from: number, left: Record<string, number> = {}): Dataset {
  const data = syntheticDataset({
    seed,
    weeks: 26,
    groups: four,
    links: allPairs,
    left,
    change: (a, b, w) => (quiet.includes([a, b].sort().join("|")) && w >= from ? 0 : 1),
  });
  data.people!.people.forEach((p, i) => (p.attributes.site = i % 3 === 0 ? "North" : "South"));
  data.people!.attributeColumns = ["organisation", "site"];
  data.boundaries = ["organisation", "site"];
  return data;
}

function expectPlain(data: Dataset): number {
  const { scene, signals } = plainFamily(data);
  const found = dormantTieSignals(scene);
  expect(found.map((s) => [s.id, s.chance!.p, s.chance!.adjusted])).toEqual(
    signals.map((t) => [t.id, t.p, t.adjusted]),
  );
  return found.length;
}

describe("dormant ties' tally equals the plain form", () => {
  it("signals the silent pairs with the plain form's p-values, to the bit", () => {
    // Halving every hazard (withHazard) moves each p: this case fails with that change.
    expect(expectPlain(system(6, ["Acute|Community", "Acute|Social"], 20))).toBe(2);
  });

  it("gives the plain form's family for any silenced pairs, silence start and leavers", () => {
    const pairNames = names.flatMap((a, i) => names.slice(i + 1).map((b) => `${a}|${b}`));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.subarray(pairNames),
        fc.integer({ min: 14, max: 24 }),
        fc.subarray(["Acute1", "Community2", "Primary3", "Social4"]),
        (seed, quiet, from, leavers) => {
          expectPlain(system(seed, quiet, from, Object.fromEntries(leavers.map((id) => [id, from]))));
        },
      ),
      { numRuns: propertyRuns(15, 150) },
    );
  });
});
