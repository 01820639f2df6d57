// A first look at an XmR chart that draws nothing: whether the full chart (xmr.ts) would show a current concern or
// suggest a rebase. The scene keeps a later boundary's series only for one of those (charter.ts), and the team
// boundary of a 10,000-person system charts ~1,900 series of which a handful are kept: the full chart's point
// objects and the published Series built for each of the others were most of the charting (issue 15). Typed arrays
// over the usable points only. test/perf/xmr-screen.test.ts holds it to the full chart.
import type { XmrInput, XmrSettings } from "../../result/spc.js";
// The bits of a point's rules and sides are judge()'s own.
import { BEYOND_LIMITS, HIGH, LOW, mergedSettings, SHIFT, SIGMA_FACTOR, TREND, TWO_SIGMA } from "./xmr.js";
import { grown } from "../../util/grown.js";

/** A series to screen: XmrInput's fields, its values in any array (a typed array's NaN is a gap, as null). */
export type ScreenInput = Omit<XmrInput, "values"> & { values: ArrayLike<number | null> };

/**
 * The screen's working arrays, reused from call to call: the team boundary of the 10⁸-event XL system screens
 * ~640,000 series, and six fresh typed arrays each (backing stores the garbage collector must find and free) were a
 * large part of the signals phase. The screen is synchronous and never re-entered, so one set serves every call.
 */
const scratch = {
  excluded: new Uint8Array(64),
  values: new Float64Array(64),
  high: new Uint8Array(64),
  low: new Uint8Array(64),
  ofMean: new Uint8Array(64),
  ofLimits: new Uint8Array(64),
};

/** Grows the working arrays to hold n points (never shrinks them; their contents need not be kept). */
function room(n: number): void {
  if (scratch.values.length >= n) return;
  scratch.excluded = grown(scratch.excluded, n);
  scratch.values = grown(scratch.values, n);
  scratch.high = grown(scratch.high, n);
  scratch.low = grown(scratch.low, n);
  scratch.ofMean = grown(scratch.ofMean, n);
  scratch.ofLimits = grown(scratch.ofLimits, n);
}

/**
 * True when the chart of `input` shows a concern among its last `recent` usable points, or its last 2 × runLength
 * usable points are all flagged by the shift rule on one side of the mean (a suggested rebase). Recalculations and
 * screened moving ranges are left to the full chart (true): the scene never screens such a series.
 */
export function mayMatter(input: ScreenInput, settings: Partial<XmrSettings>, recent: number): boolean {
  const options = mergedSettings(settings);
  const baselinePoints = input.baselinePoints;
  if (options.screenMovingRanges || (input.recalculateAt?.length ?? 0) > 0 || (baselinePoints ?? 0) < 0) return true;
  const n = input.values.length;
  room(n);
  const { excluded, values } = scratch;
  excluded.fill(0, 0, n);
  for (const i of input.excluded ?? []) if (i >= 0 && i < n) excluded[i] = 1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = input.values[i];
    if (v !== null && Number.isFinite(v) && excluded[i] === 0) values[m++] = v;
  }
  // A run chart has no rules, so no concern and no suggestion.
  if (m < options.minPoints) return false;
  const flags = judged(values, m, Math.min(m, baselinePoints ?? m), options);
  const concernSide = input.direction === "lower" ? HIGH : LOW;
  const improvementSide = concernSide === HIGH ? LOW : HIGH;
  // Read before the loop: a read reached only once a concern is found had no type feedback when the loop was compiled.
  const concernWins = options.conflict === "concern";
  for (let k = Math.max(0, m - recent); k < m && input.direction !== "neither"; k++) {
    const concerning = flags.bits[concernSide - 1][k] !== 0;
    const improving = flags.bits[improvementSide - 1][k] !== 0;
    if (concerning && (!improving || concernWins)) return true;
  }
  return suggestsRebase(values, m, flags, options.runLength * 2);
}

interface Flags {
  mean: number | null;
  /** Rule bits per usable point: [high side, low side]. */
  bits: [Uint8Array, Uint8Array];
}

/** The last `needed` of the m usable points all flagged by the shift rule and on one side of the mean (chart.ts's test). */
function suggestsRebase(values: Float64Array, m: number, { mean, bits }: Flags, needed: number): boolean {
  if (m < needed || mean === null) return false;
  const above = values[m - needed] > mean;
  for (let k = m - needed; k < m; k++)
    if (((bits[0][k] | bits[1][k]) & SHIFT) === 0 || values[k] > mean !== above) return false;
  return true;
}

/** The single segment's limits from the first `members` of the m points, then the four rules, as xmr.ts applies them. */
function judged(values: Float64Array, m: number, members: number, options: Readonly<XmrSettings>): Flags {
  let sum = 0;
  for (let k = 0; k < members; k++) sum += values[k];
  const mean = members > 0 ? sum / members : null;
  let ranges = 0;
  for (let k = 1; k < members; k++) ranges += Math.abs(values[k] - values[k - 1]);
  const upper = members >= 2 ? mean! + SIGMA_FACTOR * (ranges / (members - 1)) : null;
  const lower = members >= 2 ? mean! - SIGMA_FACTOR * (ranges / (members - 1)) : null;
  const halfWidth = upper !== null ? (upper - mean!) * (2 / 3) : null;
  const { high, low, ofMean, ofLimits } = scratch;
  high.fill(0, 0, m);
  low.fill(0, 0, m);
  ofMean.fill(0, 0, m);
  ofLimits.fill(0, 0, m);
  const flag = (k: number, side: number, rule: number) => {
    if (side === HIGH) high[k] |= rule;
    else low[k] |= rule;
  };
  for (let k = 0; k < m; k++) {
    if (mean !== null && values[k] !== mean) ofMean[k] = values[k] > mean ? HIGH : LOW;
    if (upper !== null) ofLimits[k] = values[k] > upper ? HIGH : values[k] < lower! ? LOW : 0;
    if (ofLimits[k] !== 0) flag(k, ofLimits[k], BEYOND_LIMITS);
  }
  const beyondTwoSigma = (k: number, side: number): boolean =>
    halfWidth !== null &&
    (side === HIGH ? values[k] > mean! + halfWidth : values[k] < mean! - halfWidth) &&
    (options.twoSigmaCountsBeyondLimits || ofLimits[k] === 0);
  const runLength = options.runLength;
  for (let s = 0; s + runLength <= m; s++) {
    const end = s + runLength;
    const side = ofMean[s];
    let sameSide = side !== 0;
    let rising = true;
    let falling = true;
    for (let k = s + 1; k < end; k++) {
      if (ofMean[k] !== side) sameSide = false;
      if (!(values[k] > values[k - 1])) rising = false;
      if (!(values[k] < values[k - 1])) falling = false;
    }
    // Both sides' rule bits for the window, written every time (an OR of 0 when no rule holds): a write reached only
    // by a rare trend had no type feedback when the function was compiled, and bailed out to be compiled again the
    // first time one was found (issue 15).
    const highBits = (sameSide && side === HIGH ? SHIFT : 0) | (rising ? TREND : 0);
    const lowBits = (sameSide && side === LOW ? SHIFT : 0) | (!rising && falling ? TREND : 0);
    for (let k = s; k < end; k++) {
      high[k] |= highBits;
      low[k] |= lowBits;
    }
  }
  for (let s = 0; s + 3 <= m; s++) {
    const side = ofMean[s];
    if (side === 0 || ofMean[s + 1] !== side || ofMean[s + 2] !== side) continue;
    let beyond = 0;
    for (let k = s; k < s + 3; k++) if (beyondTwoSigma(k, side)) beyond++;
    if (beyond >= 2) for (let k = s; k < s + 3; k++) if (beyondTwoSigma(k, side)) flag(k, side, TWO_SIGMA);
  }
  return { mean, bits: [high, low] };
}
