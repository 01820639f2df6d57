// `--out DIR` never overwrites a file relaudit did not write. A manifest in the folder lists what relaudit wrote
// there; a non-empty folder without one is refused unless --force. Nothing is ever deleted.
import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../model/problems.js";
import { writeFolderWhole, type OutFile } from "./folder-swap.js";
import { MANIFEST, manifestText, readManifest } from "./manifest.js";

export { MANIFEST };

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
  refuseLinks(dir, names);
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
 * A symbolic link (or a file) where relaudit needs a folder — `charts` → /somewhere/else — would send the charts
 * outside the folder if followed. relaudit never follows it (folder-swap.ts writes only into folders it made); here
 * it refuses, so the user learns of it, unless --force (then the link itself is replaced, its target untouched).
 */
function refuseLinks(dir: string, names: readonly string[]): void {
  const folders = new Set(
    names.flatMap((n) =>
      n
        .split("/")
        .slice(0, -1)
        .map((_, i, p) => p.slice(0, i + 1).join("/")),
    ),
  );
  for (const folder of [...folders].sort()) {
    let stat;
    try {
      stat = lstatSync(join(dir, ...folder.split("/")));
    } catch {
      continue;
    }
    if (stat.isDirectory()) continue;
    throw new InputError({
      option: "--out",
      message: `relaudit writes into ${folder}/ in "${dir}", and ${folder} is ${stat.isSymbolicLink() ? "a symbolic link" : "a file"}, not a folder`,
      hint: "relaudit never follows links inside --out: remove the link, choose another folder, or pass --force to replace it (its target is left alone)",
    });
  }
}

/**
 * Writes `files` into `dir` as one change, with the manifest recording them (and what earlier runs wrote): a reader
 * sees the old set or the new one, never a mix (folder-swap.ts).
 */
export function commitOutFolder(dir: string, files: readonly OutFile[]): void {
  const earlier = readManifest(dir) ?? [];
  const names = [...new Set([...earlier, ...files.map((f) => f.path)])].sort();
  writeFolderWhole(dir, files, { path: MANIFEST, content: manifestText(names) });
}
