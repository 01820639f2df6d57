// The four Making Data Count rules over a chart's usable points, as bit masks per point and side: the one kernel that
// both the full chart (xmr.ts) and the scene's screen (xmr-screen.ts) run. Each used to carry its own copy of the
// rules, and the two copies were among the largest functions V8's optimising compiler compiled in a cold run of the
// signals at M (~25–30 ms of compile each, on the core the phase shares with betweenness, issue 15). One kernel is
// compiled once, and is called often enough to be compiled sooner.
import type { XmrSettings } from "../../result/spc.js";
import { grown } from "../../util/grown.js";

/** The rules as bits, in the order a point lists them. */
const BEYOND_LIMITS = 1;
export const SHIFT = 2;
const TREND = 4;
const TWO_SIGMA = 8;
/** A point's side of the mean or of its limits: none, high or low. */
const HIGH = 1;
const LOW = 2;

/** A segment's lines in `work.lines`, LINES per segment: NaN where the segment has none (no mean, no limits). */
export const MEAN = 0;
export const UPPER = 1;
export const LOWER = 2;
export const UPPER_TWO_SIGMA = 3;
export const LOWER_TWO_SIGMA = 4;
export const LINES = 5;

/**
 * The working arrays, reused from call to call: the team boundary of the 10⁸-event XL system screens ~640,000
 * series, and fresh typed arrays each (backing stores the garbage collector must find and free) were a large part of
 * the signals phase. Charting is synchronous and never re-entered, so one set serves every call; a caller reads what
 * a call wrote before it charts again. By usable point k (gatherUsable): `values[k]`, its position `index[k]` in the
 * series, its `segment[k]`, and the rule bits `high[k]` and `low[k]` (ruleBits); by position: `excluded`.
 */
export const work = {
  excluded: new Uint8Array(64),
  values: new Float64Array(64),
  index: new Int32Array(64),
  segment: new Int32Array(64),
  high: new Uint8Array(64),
  low: new Uint8Array(64),
  ofMean: new Uint8Array(64),
  ofLimits: new Uint8Array(64),
  lines: new Float64Array(LINES * 4),
};

/** Grows the working arrays to hold n points (never shrinks them; their contents need not be kept). */
function room(n: number): void {
  if (work.values.length >= n) return;
  work.excluded = grown(work.excluded, n);
  work.values = grown(work.values, n);
  work.index = grown(work.index, n);
  work.segment = grown(work.segment, n);
  work.high = grown(work.high, n);
  work.low = grown(work.low, n);
  work.ofMean = grown(work.ofMean, n);
  work.ofLimits = grown(work.ofLimits, n);
}

/** Room for the lines of `segments` segments. */
export function linesRoom(segments: number): Float64Array {
  if (work.lines.length < segments * LINES) work.lines = grown(work.lines, segments * LINES);
  return work.lines;
}

/**
 * The usable points of a series (a finite value at a position not excluded) into work.values and work.index, in
 * order; work.excluded marks the excluded positions. Returns how many. A typed array's NaN is a gap, as null is.
 */
export function gatherUsable(
  values: ArrayLike<number | null>,
  excludedPositions: readonly number[] | undefined,
): number {
  const n = values.length;
  room(n);
  const { excluded, index } = work;
  const usable = work.values;
  excluded.fill(0, 0, n);
  if (excludedPositions)
    for (let e = 0; e < excludedPositions.length; e++) {
      const i = excludedPositions[e];
      if (i >= 0 && i < n) excluded[i] = 1;
    }
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v) && excluded[i] === 0) {
      usable[m] = v;
      index[m++] = i;
    }
  }
  return m;
}

/**
 * The four rules over the m usable points gathered, each judged against the lines of its segment (work.segment,
 * work.lines), into work.high and work.low. Windows of the shift and two-sigma rules span a recalculation only when
 * the settings say so; a trend ignores the mean and limits, so it always may. test/perf/xmr-fast-path.test.ts holds
 * the full chart to the plain form with a Set per point and side, test/perf/xmr-screen.test.ts the screen to the
 * full chart.
 */
export function ruleBits(m: number, options: Readonly<XmrSettings>): void {
  const { values, segment, lines, high, low, ofMean, ofLimits } = work;
  for (let k = 0; k < m; k++) {
    const at = segment[k] * LINES;
    const mean = lines[at + MEAN];
    const v = values[k];
    // NaN lines compare false: no side of a missing mean, nothing beyond missing limits.
    ofMean[k] = mean === mean && v !== mean ? (v > mean ? HIGH : LOW) : 0;
    ofLimits[k] = v > lines[at + UPPER] ? HIGH : v < lines[at + LOWER] ? LOW : 0;
    high[k] = ofLimits[k] === HIGH ? BEYOND_LIMITS : 0;
    low[k] = ofLimits[k] === LOW ? BEYOND_LIMITS : 0;
  }
  const runLength = options.runLength;
  const crosses = options.rulesCrossRecalculations;
  for (let s = 0; s + runLength <= m; s++) {
    const end = s + runLength;
    const side = ofMean[s];
    let sameSide = side !== 0 && (crosses || segment[s] === segment[end - 1]);
    let rising = true;
    let falling = true;
    for (let k = s + 1; k < end; k++) {
      if (ofMean[k] !== side) sameSide = false;
      if (!(values[k] > values[k - 1])) rising = false;
      if (!(values[k] < values[k - 1])) falling = false;
    }
    // Both sides' bits for the window, ORed in every time (0 when no rule holds): a write reached only by a rare
    // trend had no type feedback when the function was compiled, and bailed out the first time one was found.
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
    if (!crosses && segment[s] !== segment[s + 2]) continue;
    let beyond = 0;
    for (let k = s; k < s + 3; k++) if (beyondTwoSigma(k, side, options)) beyond++;
    if (beyond < 2) continue;
    for (let k = s; k < s + 3; k++)
      if (beyondTwoSigma(k, side, options)) {
        if (side === HIGH) high[k] |= TWO_SIGMA;
        else low[k] |= TWO_SIGMA;
      }
  }
}

/** Usable point k beyond its two-sigma line on `side` (never without limits), counted unless beyond the limits too. */
function beyondTwoSigma(k: number, side: number, options: Readonly<XmrSettings>): boolean {
  const at = work.segment[k] * LINES;
  const v = work.values[k];
  const beyond = side === HIGH ? v > work.lines[at + UPPER_TWO_SIGMA] : v < work.lines[at + LOWER_TWO_SIGMA];
  return beyond && (options.twoSigmaCountsBeyondLimits || work.ofLimits[k] === 0);
}
