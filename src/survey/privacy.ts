// The one place that decides what survey figures may be published. Everything the survey section shows is a
// "cell" (a group, a wave total, an RC matrix cell, an aggregate of them) made of units: respondents, or for RC
// ratings, each unit belonging to one person. Counts, sums and sums of squares add up over disjoint units, so
// whatever can be derived for counts can be derived for means and SDs too. A cell is published only if
//   1. primary suppression: it has at least k distinct people;
//   2. secondary suppression: for every published parent (a total, or a group that contains other groups), the
//      units of the parent not covered by its published parts — which anyone can recompute as parent minus the
//      shown parts — belong to no one or to at least k people; when that remainder is 1..k−1 people, the next
//      smallest published part is hidden too;
//   3. no hidden cell is a linear combination of published cells (parent − siblings chains across groupings):
//      checked exactly by Gaussian elimination over the "atoms" (units with the same cell memberships); while one
//      is, the smallest published cell whose removal breaks the combination is hidden.
// Rules 2 and 3 repeat until nothing changes. Formulas and limits in docs/methods.md#survey.

export interface Cell {
  id: string;
  /** Unit ids (respondent rows, or rating ids), distinct. */
  units: readonly number[];
}

export interface Parent {
  /** The published cell this parent is (its own primary suppression applies); parents may repeat with other parts. */
  id: string;
  units: readonly number[];
  /** Ids of cells whose units all lie inside the parent and do not overlap one another. */
  parts: readonly string[];
}

export interface SuppressionInput {
  cells: readonly Cell[];
  parents: readonly Parent[];
  minGroupSize: number;
  /** Person owning a unit; identity when units are people. */
  personOf?: (unit: number) => number;
}

const identity = (u: number) => u;

function distinctPeople(units: Iterable<number>, personOf: (unit: number) => number): number {
  const seen = new Set<number>();
  for (const u of units) seen.add(personOf(u));
  return seen.size;
}

/** Ids of the cells (and parents) that must be hidden. Deterministic: ties broken by units, then by id. */
export function planSuppression({
  cells,
  parents,
  minGroupSize: k,
  personOf = identity,
}: SuppressionInput): Set<string> {
  const people = new Map<string, number>();
  const unitsOf = new Map<string, readonly number[]>();
  for (const c of [...cells, ...parents]) {
    if (people.has(c.id)) continue;
    people.set(c.id, distinctPeople(c.units, personOf));
    unitsOf.set(c.id, c.units);
  }
  const hidden = new Set<string>([...people].filter(([, n]) => n < k).map(([id]) => id));
  const bySize = (a: string, b: string) =>
    people.get(a)! - people.get(b)! || unitsOf.get(a)!.length - unitsOf.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0);

  // Parts are disjoint and inside their parent, so the remainder's size is a subtraction; people are counted
  // only when units can share a person (RC ratings) and the remainder is large enough for that to matter.
  const remainderRule = (): boolean => {
    let changed = false;
    for (const parent of parents) {
      if (hidden.has(parent.id)) continue;
      const shown = parent.parts.filter((id) => !hidden.has(id));
      if (shown.length === 0) continue;
      const remainderUnits = parent.units.length - shown.reduce((a, id) => a + unitsOf.get(id)!.length, 0);
      if (remainderUnits === 0) continue;
      let exposed = remainderUnits;
      if (personOf !== identity && remainderUnits >= k) {
        const covered = new Set<number>();
        for (const id of shown) for (const u of unitsOf.get(id)!) covered.add(u);
        exposed = distinctPeople(
          parent.units.filter((u) => !covered.has(u)),
          personOf,
        );
      }
      if (exposed >= k) continue;
      hidden.add([...shown].sort(bySize)[0]);
      changed = true;
    }
    return changed;
  };

  const atoms = atomVectors(unitsOf);
  const spanRule = (): boolean => {
    const published = [...unitsOf.keys()].filter((id) => !hidden.has(id));
    const basis = new Span(published.map((id) => atoms.get(id)!));
    for (const id of [...hidden].sort(bySize)) {
      // An empty cell reveals nothing (and its zero vector lies in every span).
      if (unitsOf.get(id)!.length === 0 || !basis.contains(atoms.get(id)!)) continue;
      const candidates = published.sort(bySize);
      const target = atoms.get(id)!;
      const breaker = candidates.find(
        (c) => !new Span(published.filter((p) => p !== c).map((p) => atoms.get(p)!)).contains(target),
      );
      // No single removal breaks every combination: remove the smallest cell overlapping the target and look again.
      const overlapping = candidates.find((c) => atoms.get(c)!.some((x, i) => x !== 0 && target[i] !== 0));
      hidden.add(breaker ?? overlapping ?? candidates[0]);
      return true;
    }
    return false;
  };

  while (remainderRule() || spanRule());
  return hidden;
}

/** Each cell as a vector over atoms: classes of units that belong to exactly the same cells. */
function atomVectors(unitsOf: Map<string, readonly number[]>): Map<string, Float64Array> {
  const ids = [...unitsOf.keys()];
  const signature = new Map<number, number[]>();
  ids.forEach((id, c) => {
    for (const u of unitsOf.get(id)!) {
      let list = signature.get(u);
      if (!list) signature.set(u, (list = []));
      list.push(c);
    }
  });
  const atomOf = new Map<string, number>();
  const unitAtom = new Map<number, number>();
  for (const [u, list] of signature) {
    const key = list.join(",");
    let atom = atomOf.get(key);
    if (atom === undefined) atomOf.set(key, (atom = atomOf.size));
    unitAtom.set(u, atom);
  }
  return new Map(
    ids.map((id) => {
      const v = new Float64Array(atomOf.size);
      for (const u of unitsOf.get(id)!) v[unitAtom.get(u)!] = 1;
      return [id, v] as const;
    }),
  );
}

/** Row space of 0/1 vectors, kept in echelon form, to test whether a vector is a linear combination of them. */
class Span {
  private readonly rows: { pivot: number; v: Float64Array }[] = [];
  constructor(vectors: Float64Array[]) {
    for (const v of vectors) {
      const r = this.reduce(v);
      const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
      if (pivot < 0) continue;
      const scale = r[pivot];
      for (let j = 0; j < r.length; j++) r[j] /= scale;
      this.rows.push({ pivot, v: r });
    }
  }
  private reduce(vector: Float64Array): Float64Array {
    const r = Float64Array.from(vector);
    for (const { pivot, v } of this.rows) {
      const factor = r[pivot];
      if (factor === 0) continue;
      for (let j = 0; j < r.length; j++) r[j] -= factor * v[j];
    }
    return r;
  }
  contains(vector: Float64Array): boolean {
    return this.reduce(vector).every((x) => Math.abs(x) < 1e-9);
  }
}

/** Units grouped by a label per unit (null labels are left out), in first-seen order. */
export function groupUnits(units: readonly number[], labelOf: (unit: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const u of units) {
    const label = labelOf(u);
    if (label === null) continue;
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(u);
  }
  return groups;
}

/**
 * Cells and parents for respondents split by several attributes at once (one wave of a scale, or response
 * counts): the total is a parent of every attribute's groups, and every group is a parent of the groups of other
 * attributes that nest inside it (e.g. teams within an organisation).
 */
export function groupingPlan(
  totalId: string,
  units: readonly number[],
  byAttribute: Map<string, Map<string, number[]>>,
  cellId: (attribute: string, value: string) => string,
): { cells: Cell[]; parents: Parent[] } {
  const cells: Cell[] = [{ id: totalId, units }];
  const parents: Parent[] = [];
  const membership = new Map<string, Map<number, string>>();
  for (const [attribute, groups] of byAttribute) {
    const ofUnit = new Map<number, string>();
    for (const [value, members] of groups) {
      cells.push({ id: cellId(attribute, value), units: members });
      for (const u of members) ofUnit.set(u, value);
    }
    membership.set(attribute, ofUnit);
    parents.push({ id: totalId, units, parts: [...groups.keys()].map((v) => cellId(attribute, v)) });
  }
  for (const [outer, outerGroups] of byAttribute) {
    const outerOf = membership.get(outer)!;
    for (const [inner, innerGroups] of byAttribute) {
      if (inner === outer) continue;
      // An inner group nests in an outer group when all its members carry that one outer value.
      const nestedIn = new Map<string, string[]>();
      for (const [value, members] of innerGroups) {
        const first = outerOf.get(members[0]);
        if (first !== undefined && members.every((u) => outerOf.get(u) === first)) {
          const list = nestedIn.get(first) ?? [];
          list.push(cellId(inner, value));
          nestedIn.set(first, list);
        }
      }
      for (const [value, members] of outerGroups) {
        const nested = nestedIn.get(value);
        if (nested) parents.push({ id: cellId(outer, value), units: members, parts: nested });
      }
    }
  }
  return { cells, parents };
}
