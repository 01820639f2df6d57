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
