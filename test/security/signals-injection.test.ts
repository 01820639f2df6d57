// `relaudit signals` Markdown (stdout and signals-*.md) escapes every label, and every signal read back from
// --previous, through md(), the one Markdown escaping (issue 13, item 7): no raw HTML, no live link or image, no
// injected heading.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { md } from "../../src/report/markdown.js";
import { writeSystem } from "./system.js";

const PAYLOADS = [
  "<svg/onload=alert(1)>",
  "[x](javascript:alert(1))",
  "![pixel](https://evil.example/t.png)",
  "# Injected heading",
  "<https://evil.example>",
  "see https://evil.example or www.evil.example or mail a@evil.example",
  "&lt;b&gt;",
];
let next = 0;
const hostile = (plain: string) => `${PAYLOADS[next++ % PAYLOADS.length]} ${plain}`;

/** What a hostile string may not leave in Markdown once escaped. */
function expectInert(markdown: string, ownHeadings: RegExp) {
  expect(markdown).not.toMatch(/<(svg|img|https?:)/i);
  expect(markdown).not.toMatch(/(^|[^\\])\]\(/m); // a link or image: ](…) after an unescaped ]
  expect(markdown).not.toMatch(/(^|[^\\])!\[/m);
  expect(markdown).not.toMatch(/(^|[^\\\w])https?:\/\//); // bare URLs are autolinked on GitHub
  expect(markdown).not.toMatch(/(^|[^\\])@evil/);
  expect(markdown).not.toContain("&lt;b&gt;"); // the entity is shown as written, not as <b>
  for (const line of markdown.split("\n").filter((l) => /^\s*(- )?#/.test(l))) expect(line).toMatch(ownHeadings);
}

describe("signals Markdown escapes everything from the data and from --previous", () => {
  it("labels, metrics and resolved signals carrying HTML, links, images, URLs and headings stay text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-signals-injection-"));
    writeSystem(dir, { label: hostile });
    const previous = JSON.parse(
      (await runInProcess(["signals", dir, "--as-of", "2026-05-01", "--format", "json"])).stdout,
    );
    // A signal that has gone since (so it is shown as resolved), carrying every payload in every text field.
    const payload = PAYLOADS.join(" \n");
    previous.signals.push({
      id: "gone-since",
      kind: "shift",
      severity: "warning",
      practice: 1,
      subject: { attribute: payload, groups: [payload, payload], metric: payload },
      firstPeriod: "2026-W10",
      rule: payload,
      message: payload,
      evidence: [{ label: payload, value: payload, unit: payload }],
      questions: [payload, payload],
    });
    const previousPath = join(dir, "previous.json");
    writeFileSync(previousPath, JSON.stringify(previous));
    const out = join(dir, "out");
    const result = await runInProcess(["signals", dir, "--previous", previousPath, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("resolved");
    const own =
      /^(# relaudit signals — as of |## (CRITICAL|WARNING|INFO) · |## (Relational series|Rebase suggestions|Annotations))/;
    expectInert(result.stdout, own);
    for (const name of readdirSync(out).filter((n) => n.endsWith(".md")))
      expectInert(readFileSync(join(out, name), "utf8"), own);
  });

  it("md() neutralises each payload on its own, at the start of a line too", () => {
    for (const payload of PAYLOADS) expectInert(`- ${md(payload)}\n${md(payload)}`, /^$/);
    expect(md("-0.25")).toBe("-0.25");
    expect(md("- item")).toBe("\\- item");
    expect(md("1. item")).toBe("1\\. item");
  });
});
