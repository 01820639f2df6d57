// The demo system's HTML report as `relaudit audit fixtures/demo --format html --out DIR` writes it (report.html).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ROOT, runInProcess } from "../../helpers/cli.js";

export async function demoHtml(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "relaudit-html-"));
  try {
    const result = await runInProcess(
      [
        "audit",
        join(ROOT, "fixtures/demo"),
        "--format",
        "html",
        "--out",
        out,
        "--generated-at",
        "2026-11-23T06:00:00Z",
      ],
      { env: { NO_COLOR: "1" } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("report.html");
    const html = readFileSync(join(out, "report.html"), "utf8");
    // The same document goes to stdout.
    expect(result.stdout).toBe(html);
    return html;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
