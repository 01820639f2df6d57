// How much of the result a report holds. The analyses and checks always see everything; the default report keeps
// what its findings, charts and tables use (pipeline/detail.ts) and says, next to each list it cut, how long it was.

/** "summary" (the default report: sized for people) or "full" (every list and dense matrices, as analysed). */
export type Detail = "summary" | "full";

/** A list cut in the default report: the items kept and the items it had. */
export interface Truncation {
  shown: number;
  total: number;
}
