// Anhøj's run-chart rules, as qicharts2's `runs.analysis` applies them: for series too short for XmR limits.
// A run is a sequence of points on the same side of the median; points on the median are skipped.
// Signal when the longest run > round(log2(n)) + 3 (Schilling 2012) or the crossings < qbinom(0.05, n − 1, 0.5)
// (Chen 2010), n = points not on the median.
import { binomialQuantile } from "../../stats/distributions.js";
import type { RunsAnalysis, Side } from "../../result/spc.js";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Null when no point lies off the median (nothing to judge). */
export function runsAnalysis(values: readonly number[]): RunsAnalysis | null {
  if (values.length === 0) return null;
  const centre = median(values);
  const sides = values.filter((v) => v !== centre).map((v) => (v > centre ? 1 : -1));
  if (sides.length === 0) return null;
  let longestRun = 0;
  let longestRunSide: Side | null = null;
  let runs = 0;
  let current = 0;
  for (let i = 0; i < sides.length; i++) {
    if (i === 0 || sides[i] !== sides[i - 1]) {
      runs++;
      current = 0;
    }
    current++;
    if (current >= longestRun) {
      longestRun = current;
      longestRunSide = sides[i] > 0 ? "high" : "low";
    }
  }
  const useful = sides.length;
  const longestRunMax = Math.round(Math.log2(useful)) + 3;
  const crossings = runs - 1;
  const crossingsMin = binomialQuantile(0.05, useful - 1, 0.5);
  const tests: RunsAnalysis["tests"] = [];
  if (longestRun > longestRunMax) tests.push("longest-run");
  if (crossings < crossingsMin) tests.push("crossings");
  return {
    median: centre,
    useful,
    longestRun,
    longestRunMax,
    longestRunSide,
    crossings,
    crossingsMin,
    signal: tests.length > 0,
    tests,
  };
}
