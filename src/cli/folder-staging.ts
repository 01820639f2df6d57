// What a swap of an --out folder carries over from the old folder, and the remains of runs that were killed
// (SIGKILL, a power cut) that the next run puts right. Entries are looked at with lstat: a link is never followed.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, type Dirent } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../model/problems.js";
import { MANIFEST, readManifest } from "./manifest.js";

/** An entry of the old folder that the new set does not replace. */
export interface Entry {
  /** "/"-separated path inside the folder. */
  path: string;
  /** A folder relaudit's files live in (charts/); a folder of someone else's; a file (any kind); a symbolic link. */
  kind: "relaudit-folder" | "foreign-folder" | "file" | "link";
}

/**
 * The entries of `dir` to carry into the new set, parents before children. Files the new set replaces, and files
 * or links standing where it needs a folder (clashes out-folder.ts allowed with --force), are left behind; a folder
 * standing where it needs a file is an error, because relaudit never deletes a folder.
 */
export function stagingEntries(dir: string, files: readonly { path: string }[]): Entry[] {
  if (!isRealFolder(dir)) return [];
  const newFiles = new Set(files.map((f) => f.path));
  const newFolders = new Set(files.flatMap((f) => ancestors(f.path)));
  const oursFolders = new Set([...newFolders, ...(readManifest(dir) ?? []).flatMap(ancestors)]);
  const entries: Entry[] = [];
  const walk = (prefix: string) => {
    for (const entry of list(join(dir, ...prefix.split("/").filter(Boolean)))) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (path === MANIFEST) continue;
      if (entry.isDirectory()) {
        if (newFiles.has(path))
          throw new InputError({
            file: join(dir, path),
            option: "--out",
            message: `relaudit needs to write ${path}, and a folder of that name stands there`,
            hint: "move the folder away or choose another --out folder (relaudit never deletes a folder)",
          });
        entries.push({ path, kind: oursFolders.has(path) ? "relaudit-folder" : "foreign-folder" });
        walk(path);
      } else if (!newFiles.has(path) && !newFolders.has(path)) {
        entries.push({ path, kind: entry.isSymbolicLink() ? "link" : "file" });
      }
    }
  };
  walk("");
  return entries;
}

/** "charts/a/b.svg" → ["charts", "charts/a"] */
function ancestors(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

const list = (path: string): Dirent[] => readdirSync(path, { withFileTypes: true });

function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the process that named a temporary entry is gone (our own pid is a previous run's, in a container). */
export function abandoned(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

const SIBLING = /^\.(.+)\.relaudit-(new|old)-(\d+)-[a-z0-9]+$/;
const INSIDE = /^\.relaudit-new-(\d+)-[a-z0-9]+$/;
/** Temporary files of the per-file atomic writer of earlier versions: `.report.json.<pid>.<random>.tmp`. */
const OLD_TEMP = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp$/;

/**
 * Puts right what a killed run left, before a new run writes: a swap cut between its two renames (the old set is
 * renamed back), staging folders (removed, or for a move-in that was complete, finished), and stray temporary
 * files of relaudit's own outputs. Only entries whose process is gone, and only names relaudit makes.
 */
export function removeAbandoned(dir: string): void {
  const parent = dirname(dir);
  const name = basename(dir);
  let siblings: string[];
  try {
    siblings = readdirSync(parent);
  } catch {
    return;
  }
  for (const sibling of siblings.sort()) {
    const m = SIBLING.exec(sibling);
    if (!m || m[1] !== name || !abandoned(Number(m[3]))) continue;
    const path = join(parent, sibling);
    if (m[2] === "old" && !existsSync(dir)) renameSync(path, dir);
    else rmSync(path, { recursive: true, force: true });
  }
  if (!isRealFolder(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    const m = INSIDE.exec(entry);
    if (!m || !abandoned(Number(m[1]))) continue;
    const staging = join(dir, entry);
    if (existsSync(join(staging, COMPLETE))) finishMove(dir, staging);
    else rmSync(staging, { recursive: true, force: true });
  }
  removeOldTempFiles(dir, readManifest(dir) ?? []);
}

function removeOldTempFiles(dir: string, ours: readonly string[]): void {
  const folders = new Set(["", ...ours.flatMap(ancestors)]);
  const names = new Set([...ours, MANIFEST]);
  for (const folder of folders) {
    const at = join(dir, ...folder.split("/").filter(Boolean));
    if (!isRealFolder(at)) continue;
    for (const entry of readdirSync(at)) {
      const m = OLD_TEMP.exec(entry);
      const target = folder ? `${folder}/${m?.[1]}` : m?.[1];
      if (m && names.has(target!) && abandoned(Number(m[2]))) rmSync(join(at, entry), { force: true });
    }
  }
}

export const COMPLETE = ".complete";

/** Moves every staged file into place (the manifest last), then removes the staging folder. */
export function finishMove(dir: string, staging: string): void {
  const paths = stagedPaths(staging).filter((p) => p !== COMPLETE);
  const manifestLast = paths.sort((a, b) => Number(isManifest(a)) - Number(isManifest(b)) || a.localeCompare(b));
  for (const path of manifestLast) {
    const target = join(dir, ...path.split("/"));
    makeRealFolders(dir, path);
    renameSync(join(staging, ...path.split("/")), target);
  }
  rmSync(staging, { recursive: true, force: true });
}

const isManifest = (path: string) => path === MANIFEST;

function stagedPaths(staging: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of list(join(staging, ...prefix.split("/").filter(Boolean)))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...stagedPaths(staging, path));
    else out.push(path);
  }
  return out;
}

/**
 * Makes the folders above `path` inside `dir` real folders: a symbolic link (or a file) standing where relaudit
 * needs a folder is removed, never followed. out-folder.ts refuses such a link unless --force.
 */
function makeRealFolders(dir: string, path: string): void {
  const parts = path.split("/").slice(0, -1);
  let at = dir;
  for (const part of parts) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      mkdirSync(at);
      continue;
    }
    if (stat.isDirectory()) continue;
    unlinkSync(at);
    mkdirSync(at);
  }
}
