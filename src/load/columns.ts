// Named columns with the aliases real exports use, matched case-insensitively (and ignoring spaces/underscores).
import { InputError } from "../model/problems.js";

export interface ColumnSpec {
  aliases: readonly string[];
  required?: boolean;
  /** What the column holds, for the error message when it is missing. */
  description: string;
}

const norm = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

/** Index of each named column in the header (−1 when absent); throws when a required one is missing. */
export function resolveColumns<K extends string>(
  header: string[],
  specs: Record<K, ColumnSpec>,
  file: string,
  line = 1,
): Record<K, number> {
  const positions = new Map(header.map((name, i) => [norm(name), i] as const));
  const result = {} as Record<K, number>;
  const missing: K[] = [];
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const found = spec.aliases.map((alias) => positions.get(norm(alias))).find((i) => i !== undefined);
    result[key] = found ?? -1;
    if (found === undefined && spec.required) missing.push(key);
  }
  if (missing.length > 0) {
    throw new InputError(
      missing.map((key) => ({
        file,
        line,
        message: `missing required column "${key}" (${specs[key].description})`,
        expected: `a column named ${specs[key].aliases.map((a) => `"${a}"`).join(" or ")}`,
        found: `columns ${header.map((h) => `"${h}"`).join(", ")}`,
        hint: "rename the column in the header row, or pass the file to the right option",
      })),
    );
  }
  return result;
}

/** Columns of the header not claimed by any spec (the attribute columns), skipping unnamed ones. */
export function otherColumns(header: string[], claimed: number[]): number[] {
  const taken = new Set(claimed.filter((i) => i >= 0));
  return header.map((_, i) => i).filter((i) => !taken.has(i) && header[i] !== "");
}
