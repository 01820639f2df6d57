// `--out DIR` never overwrites a file relaudit did not write. A manifest in the folder lists what relaudit wrote
// there; a non-empty folder without one is refused unless --force. Nothing is ever deleted.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../model/problems.js";
import { writeFileAtomic } from "./atomic.js";

export const MANIFEST = ".relaudit-output.json";

interface Manifest {
  tool: "relaudit";
  note: string;
  files: string[];
}

/** Files an earlier run recorded, or null when the folder has no valid manifest (so it is not relaudit's). */
function readManifest(dir: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"));
  } catch {
    return null;
  }
  const m = parsed as Partial<Manifest> | null;
  if (m?.tool !== "relaudit" || !Array.isArray(m.files) || !m.files.every((f) => typeof f === "string")) return null;
  return m.files;
}

/** Throws unless relaudit may write `names` into `dir`: new, empty, a previous relaudit output, or --force. */
export function checkOutFolder(dir: string, names: readonly string[], force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new InputError({
      option: "--out",
      message: `"${dir}" is a file, not a folder`,
      hint: "give --out a folder (it is created when missing)",
    });
  }
  const entries = readdirSync(dir).sort();
  if (entries.length === 0 || force) return;
  const ours = readManifest(dir);
  if (ours === null) {
    throw new InputError({
      option: "--out",
      message: `the folder "${dir}" is not empty and is not a previous relaudit output`,
      found: `${entries.slice(0, 5).join(", ")}${entries.length > 5 ? `, … (${entries.length} entries)` : ""}`,
      hint: `choose a new or empty folder, or pass --force to write ${names.join(" and ")} into it (other files are left alone)`,
    });
  }
  const clashes = names.filter((name) => existsSync(join(dir, name)) && !ours.includes(name));
  if (clashes.length > 0) {
    throw new InputError({
      option: "--out",
      message: `relaudit would overwrite ${clashes.join(", ")} in "${dir}", which it did not write`,
      hint: "move the file away, choose another folder, or pass --force",
    });
  }
}

/**
 * Records `names` (with what earlier runs wrote) as relaudit's, before they are written: a run stopped after this
 * point leaves a folder the next run still recognises.
 */
export function claimOutFolder(dir: string, names: readonly string[]): void {
  const earlier = readManifest(dir) ?? [];
  const files = [...new Set([...earlier, ...names])].sort();
  const manifest: Manifest = {
    tool: "relaudit",
    note: "Files relaudit wrote in this folder: a later run with --out overwrites only these.",
    files,
  };
  writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
