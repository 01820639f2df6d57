// The plain ways the survey once picked a group's values and counted its favourable answers: a row list per group,
// read column by column. src/survey now sums each group in one pass over typed columns (wave-groups.ts, items.ts);
// these stay as the references the property tests hold that code to.

/** Values of `column` at `rows`. */
export function pick(column: ArrayLike<number>, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]];
  return out;
}

/**
 * Share of answered (keyed) item responses in the top two boxes (≥ max − 1), pooled over items and rows.
 * NaN when nothing was answered.
 */
export function favourableShare(columns: readonly Float64Array[], rows: readonly number[], max: number): number {
  let answered = 0;
  let favourable = 0;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    for (let i = 0; i < rows.length; i++) {
      const x = column[rows[i]];
      if (Number.isNaN(x)) continue;
      answered++;
      if (x >= max - 1) favourable++;
    }
  }
  return answered === 0 ? NaN : favourable / answered;
}
