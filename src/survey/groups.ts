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
