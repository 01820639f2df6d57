// Headless Chromium for the tests that open the HTML report in a real browser. The Debian package (`chromium`) is
// used where it is installed (.ci/run installs it); browser downloads do not work here, so playwright-core drives
// an existing executable. Tests skip, saying why, only when no Chromium can be found.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** The Chromium executable: RELAUDIT_CHROMIUM when set, else the first of the usual places that exists. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.RELAUDIT_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context in a fresh profile folder, removed on close. */
export async function launchBrowser(options: { width: number; height: number }): Promise<TestBrowser> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "relaudit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ARGS,
    viewport: { width: options.width, height: options.height },
    acceptDownloads: false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
