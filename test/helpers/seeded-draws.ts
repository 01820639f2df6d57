// Whole numbers drawn from a fixed seed (a linear congruential generator): generated test systems come out the same
// on every run and machine, without fast-check.

/** next(n): the next draw in 0 … n − 1. */
export function seededDraws(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
}
