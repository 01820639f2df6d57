// Breakdown signals and SPC series (issue 5 fills it).
export interface SignalsSection {
  signals: unknown[];
  series: unknown[];
}
