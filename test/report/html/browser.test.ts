/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The demo's HTML report in a real browser (headless Chromium): it loads nothing from anywhere, logs no error, has
// no WCAG 2.1 A/AA violation that axe-core finds, fits 1280 px without sideways scrolling, prints to A4 without
// overflow, and every section can be reached from the keyboard. Screenshots and the PDF are written to
// relaudit-html-browser-* in the run's temporary folder, for a person to look at: RELAUDIT_KEEP_TEST_FILES=1 npm test
// keeps it (test/helpers/temp-root.ts).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, type TestBrowser } from "../../helpers/browser.js";
import { ROOT } from "../../helpers/cli.js";
import { goldenDemo } from "../../helpers/demo.js";

const demo = join(ROOT, "fixtures/demo");
const chromium = chromiumPath();
// A folder of its own per run: two clones tested at once (or two runs of one) must not load each other's half-written
// report.
const OUT = mkdtempSync(join(tmpdir(), "relaudit-html-browser-"));
const SECTIONS = ["summary", "methods", "data", "suppressed"];

if (!chromium) console.warn("SKIPPED: the HTML report's browser tests need Chromium (apt-get install chromium)");

describe.skipIf(!chromium || !existsSync(join(demo, "people.csv")))("the demo's HTML report in Chromium", () => {
  let browser: TestBrowser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const file = join(OUT, "report.html");
    // The golden copy of `audit fixtures/demo --format html`, which golden.test.ts proves in the same run is what the
    // CLI prints (and golden:update wrote from a process of its own): a spawned audit of the demo cost ~2.5 CPU-s.
    const html = goldenDemo("audit", "html");
    expect(html.code).toBe(0);
    writeFileSync(file, html.stdout);
    url = pathToFileURL(file).href;
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = await browser.context.newPage();
    page.on("request", (r) => void (r.url() !== url && requests.push(r.url())));
    page.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? problems.push(m.text()) : 0));
    page.on("pageerror", (error) => void problems.push(String(error)));
    await page.goto(url, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens with no request beyond the file itself and no console error or warning", () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("has no accessibility violation axe-core finds (WCAG 2.1 A and AA), with every table opened", async () => {
    const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(source);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join("; ")}`,
      );
    });
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = false)));
    expect(violations).toEqual([]);
  });

  it("fits 1280×800 without sideways scrolling, and a screenshot is taken", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot({ path: join(OUT, "top-1280x800.png") });
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(800);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    for (const id of ["practice-1", "practice-5"]) {
      await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
      await page.screenshot({ path: join(OUT, `${id}-1280x800.png`) });
    }
  });

  it("prints to A4 pages with nothing wider than the page", async () => {
    await page.emulateMedia({ media: "print" });
    // The printable width of A4 with the stylesheet's 14 mm side margins, in CSS pixels (96 per inch).
    const printable = Math.floor(((210 - 28) / 25.4) * 96);
    await page.setViewportSize({ width: printable, height: 1000 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll("main *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.closest("details:not([open])") === null)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}#${el.id} ${Math.round(el.getBoundingClientRect().right)} > ${width}`);
    });
    expect(overflow).toEqual([]);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(OUT, "report.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(80);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("reaches every section from the keyboard: the contents links, and Tab goes on inside the section", async () => {
    const practices = await page.evaluate(() => [...document.querySelectorAll("main > section")].map((s) => s.id));
    expect(practices).toEqual(expect.arrayContaining(SECTIONS));
    await page.goto(url, { waitUntil: "load" });
    const reached: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute("href") ?? ""));
    }
    expect(reached[0]).toBe("#main");
    for (const id of practices) {
      expect(reached, id).toContain(`#${id}`);
      await page.focus(`nav.toc a[href="#${id}"]`);
      await page.keyboard.press("Enter");
      const landed = await page.evaluate((target) => {
        const section = document.getElementById(target)!;
        const top = section.getBoundingClientRect().top;
        return { focused: document.activeElement === section, visible: top >= -1 && top < window.innerHeight };
      }, id);
      expect(landed, id).toEqual({ focused: true, visible: true });
      await page.keyboard.press("Tab");
      const where = await page.evaluate((target) => {
        const section = document.getElementById(target)!;
        const active = document.activeElement!;
        const following = section.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
        // The last section may hold nothing focusable: Tab then leaves the document or wraps to its start.
        const rest = [...document.querySelectorAll("a[href], button, summary, [tabindex='0']")];
        const nothingAfter = !rest.some((el) => section.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        const left = nothingAfter && [document.body, document.documentElement, rest[0]].includes(active);
        return { after: section.contains(active) || following !== 0 || left };
      }, id);
      expect(where, id).toEqual({ after: true });
    }
  });
});
