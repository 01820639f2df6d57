// vitest globalSetup: the run's temporary files — the tests' own folders, what the CLIs they spawn with the test's
// environment write there (runBuilt passes TMPDIR on), Chromium's profile, the packed install — go under one folder,
// removed when the run ends. Tests clean up after themselves where they can, but a fuzz or attack test that writes a
// folder per generated case, or a failing test's leftovers used to stay: some 200 folders in the system's temporary
// folder per `npm test`. RELAUDIT_KEEP_TEST_FILES=1 keeps the folder (the HTML report's screenshots and PDF, say) and
// prints where it is.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, statfsSync } from "node:fs";
import { freemem, tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "relaudit-test-";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = temporaryRoot();
  const keep = process.env.RELAUDIT_KEEP_TEST_FILES === "1";
  const remove = () => rmSync(root, { recursive: true, force: true });
  // vitest ends a run stopped with Ctrl-C or SIGTERM by process.exit(), without the teardown below: the folder goes
  // then too, since on /dev/shm it would hold memory until the next reboot.
  if (!keep) process.once("exit", remove);
  // Test workers, and every process they start, are started after this and inherit it; os.tmpdir() reads it.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (keep) console.log(`\nThe run's temporary files are kept in ${root}\n`);
    else remove();
  };
}

function temporaryRoot(): string {
  const shm = memoryBacked();
  if (shm)
    try {
      removeStale(shm);
      return mkdtempSync(join(shm, PREFIX));
    } catch {
      // Not writable for this user: the system's temporary folder, as below.
    }
  return mkdtempSync(join(tmpdir(), PREFIX));
}

/** A day: no run lasts that long, so an older run folder was left by a run that was killed (SIGKILL, a crash). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Removes the run folders a killed run left in memory (this user's, older than a day). */
function removeStale(dir: string): void {
  const uid = process.getuid?.();
  for (const name of readdirSync(dir).filter((n) => n.startsWith(PREFIX))) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory() && stat.uid === uid && Date.now() - stat.mtimeMs > STALE_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Room the run needs at its peak, in the tmpfs and in free memory (what is written there is memory, counted against a
 * container's limit): the packed install (~160 MB unpacked) and every test's outputs, with a margin.
 */
const NEEDED_BYTES = 2 * 1024 ** 3;

/**
 * Linux's /dev/shm when it can hold the run: the run writes some 300 MB that nobody needs after it (the install
 * test unpacks ~160 MB, every `--out` is written, fsynced and renamed), and on a disk-backed /tmp the kernel's
 * journalling, writeback and fsyncs cost CPU the two test workers need. Not used when it is absent, smaller than the
 * run needs (containers often give it 64 MB), the machine's free memory is below that, or it is mounted noexec (the
 * installed package loads DuckDB's native module from it). An explicitly set TMPDIR wins.
 */
function memoryBacked(): string | undefined {
  const dir = "/dev/shm";
  if (process.platform !== "linux" || process.env.TMPDIR) return undefined;
  try {
    const { bavail, bsize } = statfsSync(dir);
    if (bavail * bsize < NEEDED_BYTES || freemem() < NEEDED_BYTES) return undefined;
    const mount = readFileSync("/proc/self/mountinfo", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .findLast((fields) => fields[4] === dir);
    // The last mount on the path is the one in effect; its field 6 holds the per-mount options (rw,noexec,…).
    if (!mount || mount[5].split(",").includes("noexec") || !mount[5].split(",").includes("rw")) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}
