// The network section of the result (issue 4 fills it).
export interface NetworkSection {
  peopleCount: number;
  tieCount: number;
}
