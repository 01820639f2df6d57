// Outputs are written whole or not at all: a temp file in the same folder, flushed, then renamed over the target.
// Temp files still open when the process is interrupted are removed by the signal handler in bin/.
import { chmodSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { abandoned } from "./folder-staging.js";
import { modeOf, writeContent, type Content } from "./folder-swap.js";

const pending = new Set<string>();
let committed = 0;

/** `content` may come in pieces (an iterable of strings), so a very large file is never one string or one buffer. */
export function writeFileAtomic(path: string, content: Content): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  removeAbandonedTemps(dir, basename(path));
  // A replaced file keeps its mode: a deck someone made private (chmod 600) stays private.
  const mode = modeOf(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  pending.add(temp);
  try {
    writeContent(openSync(temp, "w"), content);
    if (mode !== null) chmodSync(temp, mode);
    renameSync(temp, path);
    committed++;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/**
 * Writes finished so far. A signal is handled only between event-loop turns, so it can arrive after a run's
 * synchronous writes have all finished: the signal handler then must not claim that nothing changed.
 */
export function committedWrites(): number {
  return committed;
}

/**
 * Marks a temp file written elsewhere (by DuckDB, for one) for removal if a signal interrupts the run; the returned
 * function unmarks it once the file is renamed or removed.
 */
export function trackTempFile(path: string): () => void {
  pending.add(path);
  return () => pending.delete(path);
}

/** Removes temp files of writes that have not finished (called on SIGINT/SIGTERM). */
export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** Temp files of this target left by a killed run (its process is gone): `.deck.pptx.<pid>.<random>.tmp`. */
function removeAbandonedTemps(dir: string, name: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const m = /^(\d+)\.[a-z0-9]+\.tmp$/.exec(entry.slice(prefix.length));
    if (m && abandoned(Number(m[1]))) rmSync(join(dir, entry), { force: true });
  }
}
