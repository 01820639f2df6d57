// The manifest of an --out folder, `.relaudit-output.json`: the files relaudit wrote there, the only ones a later
// run may overwrite.
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST = ".relaudit-output.json";

interface Manifest {
  tool: "relaudit";
  note: string;
  files: string[];
}

/** A manifest is a short list of names; anything larger (or not a plain file, e.g. a link to /dev/zero) is not ours. */
const MANIFEST_MAX_BYTES = 1 << 20;

/** Files an earlier run recorded, or null when the folder has no valid manifest (so it is not relaudit's). */
export function readManifest(dir: string): string[] | null {
  let parsed: unknown;
  try {
    const stat = lstatSync(join(dir, MANIFEST));
    if (!stat.isFile() || stat.size > MANIFEST_MAX_BYTES) return null;
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"));
  } catch {
    return null;
  }
  const m = parsed as Partial<Manifest> | null;
  if (m?.tool !== "relaudit" || !Array.isArray(m.files) || !m.files.every(isRelativeName)) return null;
  return m.files;
}

/** A name relaudit writes: "/"-separated, inside the folder (a manifest naming "../x" is not relaudit's). */
const isRelativeName = (f: unknown) =>
  typeof f === "string" &&
  f !== "" &&
  !f.startsWith("/") &&
  f.split("/").every((p) => p !== "" && p !== "." && p !== "..");

export function manifestText(files: readonly string[]): string {
  const manifest: Manifest = {
    tool: "relaudit",
    note: "Files relaudit wrote in this folder: a later run with --out overwrites only these.",
    files: [...files],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
