// Whether a scale's declared range fits its answers. A label map that stops short of the range (five agreement labels
// on a 1–7 scale) scores label answers low and reverse-keyed items high, so a scale comes out lopsided without a
// single invalid cell; answers that never come near one end of the range suggest the export used a shorter scale.
// Both are warnings (the data may be right), named by validate and in the report's data notes.

/** Fewest answers before an observed range narrower than the declared one is worth a warning. */
const MIN_ANSWERS = 30;
/** "Much narrower": the answers span at most this share of the declared range. */
const NARROW_SHARE = 2 / 3;

interface Tally {
  /** The declared range. */
  declared: [number, number];
  /** The lowest and highest number a label maps to (null when the scale has no labels). */
  labels: [number, number] | null;
  /** Whether some items are reverse-keyed (scored min + max − answer). */
  reversed: boolean;
  answers: number;
  labelled: number;
  observed: [number, number];
}

/** Per scale (or the coordination block): the answers seen, and how many came from labels. */
export class ScaleRanges {
  private readonly tallies = new Map<string, Tally>();

  /** Registers a scale's declared range and the numbers its labels map to. */
  declare(
    owner: string,
    min: number | undefined,
    max: number | undefined,
    labels: Iterable<number>,
    reversed: boolean,
  ): void {
    if (min === undefined || max === undefined || this.tallies.has(owner)) return;
    const values = [...labels];
    this.tallies.set(owner, {
      declared: [min, max],
      labels: values.length > 0 ? [Math.min(...values), Math.max(...values)] : null,
      reversed,
      answers: 0,
      labelled: 0,
      observed: [Infinity, -Infinity],
    });
  }

  /** An answer accepted for `owner`'s item; `labelled` when it was a text label. */
  add(owner: string, value: number, labelled: boolean): void {
    const t = this.tallies.get(owner);
    if (!t) return;
    t.answers++;
    if (labelled) t.labelled++;
    if (value < t.observed[0]) t.observed[0] = value;
    if (value > t.observed[1]) t.observed[1] = value;
  }

  /** One warning per scale whose labels or answers do not fit its declared range. */
  warnings(): string[] {
    const out: string[] = [];
    for (const [owner, t] of this.tallies) {
      const [min, max] = t.declared;
      const range = `${min}–${max}`;
      if (t.labelled > 0 && t.labels && (t.labels[0] > min || t.labels[1] < max)) {
        const [low, high] = t.labels;
        out.push(
          `${owner} is declared ${range} but its answer labels map to ${low}–${high}: a label answer can never score ` +
            `${uncovered(t.labels, min, max)}` +
            (t.reversed
              ? `, and reverse-keyed items (scored ${min + max} − answer) come out higher than the others`
              : "") +
            `. Map a label to each score from ${min} to ${max} ("answerLabels" in the scale), or, if the survey's ` +
            `scale runs ${low}–${high}, set "min": ${low}, "max": ${high}`,
        );
        continue;
      }
      const [low, high] = t.observed;
      if (t.answers >= MIN_ANSWERS && high - low <= NARROW_SHARE * (max - min))
        out.push(
          `${owner} is declared ${range} but its ${t.answers.toLocaleString("en-GB")} answers run only ${low}–${high}: ` +
            `if the survey used a shorter scale, set "min" and "max" to it (reverse-keyed items are scored min + max − answer)`,
        );
    }
    return out;
  }
}

/** The scores a label map cannot reach: "6–7", "1", "1 or 7". */
function uncovered([low, high]: [number, number], min: number, max: number): string {
  const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  const parts = [low > min ? span(min, low - 1) : null, high < max ? span(high + 1, max) : null];
  return parts.filter(Boolean).join(" or ");
}
