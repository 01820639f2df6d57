// Rounding for numbers that go into the Report: evidence is stored at the precision it is shown with, so every
// renderer (and a reader of the JSON) sees the same value.
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
