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

// Chromium keeps only the last --disable-features it is given, so this list repeats the one Playwright passes
// (playwright-core 1.65's chromiumSwitches: no background requests, no profile teardown surprises) and adds the two
// WebUI pages new headless Chromium preloads for the address bar's popup: a renderer that no test looks at, which cost
// ~2 CPU-s of every launch (measured 2026-12-02: launch + demo report 5.5 → 3.2 CPU-s). When Playwright is upgraded,
// copy its list again (a feature it adds and this list lacks would stay enabled).
const DISABLED_FEATURES = [
  "AimEnabled",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsFirstBalancedModeAutoEnable",
  "HttpsUpgrades",
  "LensOverlay",
  "MediaRouter",
  "NetworkTimeServiceQuerying",
  "OptimizationHints",
  "PaintHolding",
  "PreconnectToSearch",
  "TcpPortRandomizationWin",
  "ThirdPartyStoragePartitioning",
  "msEdgeUpdateLaunchServicesPreferredVersion",
  "msForceBrowserSignIn",
  "WebUIOmniboxPopup",
  "WebUIOmniboxAimPopup",
];

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${DISABLED_FEATURES.join(",")}`,
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
