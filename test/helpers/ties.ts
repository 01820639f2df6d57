// A Tie for the signals' tests: two people and their contact by period, nothing else (the signals read no more of a
// tie: its weight, rows, dates and channels are the network's and the loaders').
import type { Tie } from "../../src/model/types.js";

/** A tie from `from` to `to` with contact only in the given (period, weight) pairs, in the order given. */
export const tieWith = (from: number, to: number, periods: [number, number][] = []): Tie => ({
  from,
  to,
  weight: 0,
  rows: 0,
  first: null,
  last: null,
  durationMinutes: 0,
  channels: {},
  periods: new Map(periods),
});
