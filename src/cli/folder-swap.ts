// `--out DIR` changes all at once or not at all. The whole new set (reports, charts, tables, the manifest) is written
// into a staging folder beside DIR, with every file DIR holds that the new set does not replace carried over by hard
// link (same inode: foreign files keep their owner, mode and content), then the staging folder is renamed into
// place. A reader — or a run killed with SIGKILL — sees the old set or the new one, never a mix. Writing happens only
// inside folders relaudit has just created, so a symbolic link planted in DIR (say `charts` → /etc) is never
// followed. Where DIR cannot be swapped (see swappable()), the set is staged inside DIR and moved in file by file,
// with a marker that lets the next run finish a move that was cut short (docs/security.md states both limits).
import {
  chmodSync,
  closeSync,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { COMPLETE, finishMove, removeAbandoned, stagingEntries, type Entry } from "./folder-staging.js";

/** What a file is written from: text, bytes, or text in pieces (a very large report is never one string). */
export type Content = string | Uint8Array | Iterable<string>;

export interface OutFile {
  /** Path inside the folder, "/"-separated (e.g. "charts/network.svg"). */
  path: string;
  content: Content;
}

/** Staging folders of this process not yet swapped in (removed by the signal handler in bin/). */
const pending = new Set<string>();
let committed = 0;

const token = () => `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

/** Writes `files` and `manifest` into `dir` as one change; every other entry of `dir` stays as it was. */
export function writeFolderWhole(outDir: string, files: readonly OutFile[], manifest: OutFile): void {
  // `--out reports` where reports is a link to a shared folder means that folder: swapping the link itself for a
  // new folder would leave the shared one stale. (Links *inside* the folder are never followed.)
  const dir = linkTarget(outDir) ?? outDir;
  mkdirSync(dirname(dir), { recursive: true });
  removeAbandoned(dir);
  const entries = stagingEntries(dir, [...files, manifest]);
  if (!swappable(dir, entries) || !swapIn(dir, files, manifest, entries)) moveIn(dir, files, manifest);
  committed++;
}

/** The folder a link points to; null when `path` is not a link, or a dangling one (written as a plain folder). */
function linkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : null;
  } catch {
    return null;
  }
}

/**
 * A folder is swapped whole when its parent takes a new folder (writable, same file system, not a mount point), the
 * run does not stand inside it (the shell would be left in the old copy), relaudit owns it, and every folder inside
 * it is one relaudit made (a user's own subfolder would lose its inode, owner and extended attributes).
 */
function swappable(dir: string, entries: readonly Entry[]): boolean {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return true; // a new folder: created whole
  }
  const parent = statSync(dirname(dir));
  // (a parent that takes no new folder is found when the staging folder cannot be made: see writeFolderWhole)
  const cwd = process.cwd();
  return (
    stat.dev === parent.dev &&
    (process.getuid === undefined || stat.uid === process.getuid()) &&
    cwd !== dir &&
    !cwd.startsWith(dir + sep) &&
    entries.every((e) => e.kind !== "foreign-folder")
  );
}

/** False when the parent folder takes no new folder (read-only, not ours): then the set is moved in instead. */
function swapIn(dir: string, files: readonly OutFile[], manifest: OutFile, entries: readonly Entry[]): boolean {
  const name = basename(dir);
  const staging = join(dirname(dir), `.${name}.relaudit-new-${token()}`);
  try {
    mkdirSync(staging, { mode: 0o700 });
  } catch (error) {
    if (["EACCES", "EPERM", "EROFS"].includes((error as NodeJS.ErrnoException).code ?? "")) return false;
    throw error;
  }
  pending.add(staging);
  try {
    let mode: number | undefined;
    try {
      mode = statSync(dir).mode & 0o7777;
    } catch {
      mode = undefined;
    }
    for (const e of entries) carry(dir, staging, e);
    for (const f of [...files, manifest]) writeNew(staging, f, dir);
    // A replaced folder keeps its mode; a new one gets what mkdir would have given it.
    chmodSafe(staging, mode ?? 0o777 & ~currentUmask());
    const retired = join(dirname(dir), `.${name}.relaudit-old-${token()}`);
    const existed = mode !== undefined;
    // The two renames are the only moment DIR is absent; a run killed between them is put right by the next run
    // (removeAbandoned renames the old set back).
    if (existed) renameSync(dir, retired);
    renameSync(staging, dir);
    pending.delete(staging);
    syncFolder(dirname(dir));
    if (existed) rmSync(retired, { recursive: true, force: true });
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    pending.delete(staging);
    throw error;
  }
}

/** Staged inside DIR, then moved in file by file; the `.complete` marker tells the next run to finish the move. */
function moveIn(dir: string, files: readonly OutFile[], manifest: OutFile): void {
  mkdirSync(dir, { recursive: true });
  const staging = join(dir, `.relaudit-new-${token()}`);
  pending.add(staging);
  try {
    mkdirSync(staging, { mode: 0o700 });
    for (const f of [...files, manifest]) writeNew(staging, f, dir);
    writeNew(staging, { path: COMPLETE, content: "" });
    syncFolder(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    pending.delete(staging);
    throw error;
  }
  pending.delete(staging);
  finishMove(dir, staging);
}

/** Carries an entry of the old folder into the staging folder without copying data or following links. */
function carry(dir: string, staging: string, e: Entry): void {
  const from = join(dir, ...e.path.split("/"));
  const to = join(staging, ...e.path.split("/"));
  if (e.kind === "relaudit-folder") {
    mkdirSync(to, { recursive: true });
    chmodSafe(to, lstatSync(from).mode & 0o7777);
  } else if (e.kind === "link") {
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(readlinkSync(from), to);
  } else if (e.kind === "file") {
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      // A file system without hard links (or a file another user owns under protected_hardlinks): copy it.
      copyFileSync(from, to);
      chmodSafe(to, lstatSync(from).mode & 0o7777);
    }
  }
}

/**
 * Writes one new file into the staging folder (a folder this run made, so nothing on the way is a link), flushed.
 * A file it replaces keeps its mode: a report someone made private (chmod 600) stays private.
 */
function writeNew(staging: string, f: OutFile, replacing?: string): void {
  const path = join(staging, ...f.path.split("/"));
  mkdirSync(dirname(path), { recursive: true });
  writeContent(openSync(path, "wx"), f.content);
  if (replacing !== undefined) {
    const old = modeOf(join(replacing, ...f.path.split("/")));
    if (old !== null) chmodSafe(path, old);
  }
}

/** Writes `content` to the open file, flushes it to disk and closes it (also when writing fails). */
export function writeContent(fd: number, content: Content): void {
  try {
    if (typeof content === "string") writeSync(fd, Buffer.from(content, "utf8"));
    else if (content instanceof Uint8Array) writeSync(fd, content);
    else for (const piece of content) writeSync(fd, Buffer.from(piece, "utf8"));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The permission bits of a regular file (not through a link), or null. */
export function modeOf(path: string): number | null {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? stat.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

function chmodSafe(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // A file system without modes (FAT, some network shares): the default stands.
  }
}

/** The process's umask, read without changing it (process.umask() without an argument is deprecated). */
function currentUmask(): number {
  const probe = join(tmpdir(), `.relaudit-umask-${token()}`);
  try {
    mkdirSync(probe, { mode: 0o777 });
    return 0o777 & ~statSync(probe).mode;
  } catch {
    return 0o022;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

function syncFolder(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can open a folder to flush it; the files themselves are flushed.
  }
}

/** Whether this process has finished writing an output set (the signal handler's message depends on it). */
export function committedFolders(): number {
  return committed;
}

/** Removes staging folders of this process (called on SIGINT, SIGTERM, SIGHUP). */
export function removePendingStaging(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
}
