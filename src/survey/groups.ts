/**
 * Units grouped by a label per unit (null labels are left out), in first-seen order. An indexed loop: until V8
 * optimises this function, `for … of` makes an iterator result per unit.
 */
export function groupUnits(units: readonly number[], labelOf: (unit: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const label = labelOf(u);
    if (label === null) continue;
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(u);
  }
  return groups;
}

/** Groups (label and units) narrowed to the units kept, in their order; a group left with none is left out. */
export function narrowGroups(
  groups: readonly (readonly [string, number[]])[],
  keep: (unit: number) => boolean,
): [string, number[]][] {
  const narrowed: [string, number[]][] = [];
  for (const [label, units] of groups) {
    const kept = units.filter(keep);
    if (kept.length > 0) narrowed.push([label, kept]);
  }
  return narrowed;
}
