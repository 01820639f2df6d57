// What the survey section may publish, decided once from the data and the minimum group size alone — never from
// the boundaries shown, the time window or the format of a run — so every run shows a subset of one safe set and no
// union of runs can reveal more than that set (docs/security.md, "Small groups").
//
// A family is a kind of figure over its own respondents: response counts (every response of a wave) and each scale
// (the responses with a score on it). Within one wave and one family, the candidates are the total and the group of
// every value of every boundary attribute in the data, whether or not a run shows that attribute; atoms are the
// cells of the cross-classification of all those attributes. src/survey/disclosure.ts picks the publishable ones.
// Waves are planned apart: no published figure spans two waves, and a wave's response count is public anyway (the
// rows of survey.csv, run after run). Item means follow from this plan (src/survey/items.ts).
import { selectPublishable, type Candidate } from "./disclosure.js";

interface ReleaseFamily {
  id: string;
  /** Whether a response belongs to the family (has a score on the scale; every response for counts). */
  member: (row: number) => boolean;
}

export interface ReleaseInput {
  waves: readonly { label: string | null; rows: readonly number[] }[];
  /** Every boundary attribute of the survey, in priority order, with its value per response. */
  attributes: readonly { name: string; values: readonly (string | null)[] }[];
  families: readonly ReleaseFamily[];
  minGroupSize: number;
  /** Controls for the attack tests (src/survey/disclosure.ts), never the CLI. */
  primaryOnly?: boolean;
  setsOnly?: boolean;
}

/** The family of response counts (participation); each scale's family is scaleFamily(id). */
export const RESPONSES = "responses";
export const scaleFamily = (id: string) => `scale\u0000${id}`;
/**
 * The usual boundaries come first when figures compete for publication, the others by name
 * (docs/methods.md#survey-privacy). Not the configured boundaries: a config is a view too, and two runs whose
 * configs order the attributes differently would publish from two different safe sets.
 */
const PRIORITY = ["organisation", "team", "profession"];

/** Every attribute of the survey in a fixed priority order that does not depend on the run's boundaries. */
export function plannedAttributes(groups: Record<string, readonly (string | null)[]>) {
  const position = (a: string) => {
    const i = PRIORITY.indexOf(a.toLowerCase());
    return i < 0 ? PRIORITY.length : i;
  };
  // By name without case: with people.csv an attribute is named as people.csv names it, without it as survey.csv
  // does ("Site", "site"), and both runs must plan alike (src/load/survey-groups.ts).
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return Object.keys(groups)
    .sort((a, b) => position(a) - position(b) || byName(a.toLowerCase(), b.toLowerCase()) || byName(a, b))
    .map((name) => ({ name, values: groups[name] }));
}

/** The key of a figure: a family's total (attribute null) or group, in one wave. */
export function figureKey(family: string, wave: string | null, attribute: string | null, value: string | null): string {
  return [family, wave ?? "", attribute ?? "", value ?? ""].join("\u0000");
}

/** Keys of every publishable figure. */
export function planRelease(input: ReleaseInput): Set<string> {
  const released = new Set<string>();
  for (const wave of input.waves) {
    const waveInput = { ...input, attributes: input.attributes.map((a) => withoutSmallValues(a, wave.rows, input)) };
    const cells = cellsOf(wave.rows, waveInput);
    // A universe's plan is a function of its rows alone (their cells, and k): families with the same respondents —
    // every scale that all of a wave's responses scored, beside the response counts — share one, keyed per family.
    const plans: { rows: number[]; published: Figure[] }[] = [];
    for (const family of input.families) {
      const rows: number[] = [];
      const cellOfRow: number[] = [];
      wave.rows.forEach((r, i) => {
        if (!family.member(r)) return;
        rows.push(r);
        cellOfRow.push(cells[i]);
      });
      let plan = plans.find((p) => sameRows(p.rows, rows));
      if (!plan) plans.push((plan = { rows, published: planUniverse(rows, cellOfRow, waveInput) }));
      for (const { attribute, value } of plan.published)
        released.add(figureKey(family.id, wave.label, attribute, value));
    }
  }
  return released;
}

/**
 * The attribute with each value that fewer than k of the wave's rows have read as missing. Such a group is never
 * offered (primary suppression), so no published figure tells its rows from the attribute's other small groups or its
 * missing rows: merging them leaves the span of what is published, and so the plan, as it was, with far fewer atoms
 * when a column is nearly unique (free text without a telling header, an id). Every column of the survey is planned
 * over, whatever its number of values (src/load/survey-groups.ts).
 */
function withoutSmallValues(
  attribute: ReleaseInput["attributes"][number],
  rows: readonly number[],
  input: ReleaseInput,
) {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(attribute.values[r], (counts.get(attribute.values[r]) ?? 0) + 1);
  if (![...counts.values()].some((n) => n < input.minGroupSize)) return attribute;
  const values = attribute.values.slice();
  for (const r of rows) if ((counts.get(values[r]) ?? 0) < input.minGroupSize) values[r] = null;
  return { name: attribute.name, values };
}

/** A candidate figure of a universe: its total (attribute null) or one group. */
interface Figure {
  attribute: string | null;
  value: string | null;
}

const sameRows = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/**
 * Each row's cell of the cross-classification of every attribute (one number per distinct combination): the
 * attributes' values numbered one attribute at a time, and each row's combination so far with the next value, in
 * order of first appearance, so no text key is built per row. A missing value is a value of its own. Exported for
 * test/perf/release-fast-path.test.ts.
 */
export function cellsOf(rows: readonly number[], input: Pick<ReleaseInput, "attributes">): number[] {
  let cells = rows.map(() => 0);
  for (const attribute of input.attributes) {
    const codeOf = new Map<string | null, number>();
    const combined = new Map<number, number>();
    cells = rows.map((r, i) => {
      const value = attribute.values[r];
      let code = codeOf.get(value);
      if (code === undefined) codeOf.set(value, (code = codeOf.size));
      const pair = cells[i] * rows.length + code;
      let cell = combined.get(pair);
      if (cell === undefined) combined.set(pair, (cell = combined.size));
      return cell;
    });
  }
  return cells;
}

function planUniverse(rows: readonly number[], cellOfRow: readonly number[], input: ReleaseInput): Figure[] {
  // Atoms are the cells the family's rows fall in, numbered by first appearance; each has one value per attribute.
  const atomOfCell = new Map<number, number>();
  const sizes: number[] = [];
  const sample: number[] = [];
  cellOfRow.forEach((cell, i) => {
    let atom = atomOfCell.get(cell);
    if (atom === undefined) {
      atomOfCell.set(cell, (atom = sizes.length));
      sizes.push(0);
      sample.push(rows[i]);
    }
    sizes[atom]++;
  });
  // Candidates are keyed by their place among the figures.
  const figures: Figure[] = [{ attribute: null, value: null }];
  const candidates: Candidate[] = [{ key: "0", sets: [sizes.map((_, a) => a)] }];
  for (const attribute of input.attributes) {
    const groups = new Map<string, number[]>();
    const counts = new Map<string, number>();
    sample.forEach((r, atom) => {
      const value = attribute.values[r];
      if (value === null) return;
      const set = groups.get(value);
      if (set) set.push(atom);
      else groups.set(value, [atom]);
      counts.set(value, (counts.get(value) ?? 0) + sizes[atom]);
    });
    const order = [...groups.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    for (const value of order) {
      candidates.push({ key: String(figures.length), sets: [groups.get(value)!] });
      figures.push({ attribute: attribute.name, value });
    }
  }
  const { minGroupSize, primaryOnly, setsOnly } = input;
  const published = selectPublishable(candidates, { sizes, minGroupSize, primaryOnly, setsOnly });
  return figures.filter((_, i) => published.has(String(i)));
}
