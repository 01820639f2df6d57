// vitest globalSetup: the run's temporary files — the tests' own folders, what the CLIs they spawn with the test's
// environment write there (runBuilt passes TMPDIR on), Chromium's profile, the packed install — go under one folder,
// removed when the run ends. Tests clean up after themselves where they can, but a fuzz or attack test that writes a
// folder per generated case, a run stopped with Ctrl-C, or a failing test's leftovers used to stay: some 200 folders
// in the system's temporary folder per `npm test`. RELAUDIT_KEEP_TEST_FILES=1 keeps the folder (the HTML report's
// screenshots and PDF, say) and prints where it is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "relaudit-test-"));
  // Test workers, and every process they start, are started after this and inherit it; os.tmpdir() reads it.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.RELAUDIT_KEEP_TEST_FILES === "1") console.log(`\nThe run's temporary files are kept in ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  };
}
