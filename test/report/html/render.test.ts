// The HTML report as text: one escaping function, nothing that loads from elsewhere, the summary's order, and no
// hidden survey figure anywhere in the file (text, attributes or chart data).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { audit } from "../../../src/pipeline/audit.js";
import { renderCharts } from "../../../src/report/charts/files.js";
import { escapeHtml } from "../../../src/report/html/escape.js";
import { renderHtml } from "../../../src/report/html/render.js";
import { headlineFindings } from "../../../src/report/headlines.js";
import { firstSentence } from "../../../src/report/html/sections.js";
import type { CheckResult, Finding, Report } from "../../../src/result/types.js";
import { report as fixtureReport } from "../charts/fixtures.js";

async function htmlOf(report: Report): Promise<string> {
  const rendered = await renderCharts(report);
  return renderHtml(report, { charts: rendered.plans.map((p) => ({ ...p, svg: rendered.svg.get(p.stem)! })) });
}

/** The file with the geometry of its SVG charts taken out: what is left is text and named attributes. */
function withoutGeometry(html: string): string {
  return html.replace(
    /\s(?:d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|points|stroke-width|font-size|opacity|fill-opacity|stroke-opacity|stroke-dasharray)="[^"]*"/g,
    "",
  );
}

const finding = (severity: Finding["severity"], message: string): Finding => ({
  severity,
  subject: {},
  message,
  evidence: [],
  questions: [],
});

const check = (id: string, practice: CheckResult["practice"], findings: Finding[]): CheckResult => ({
  id,
  practice,
  title: id,
  status: findings.some((f) => f.severity === "critical") ? "fail" : "warn",
  severity: "warning",
  summary: `${id} summary.`,
  findings,
  evidence: [],
  notes: [],
});

describe("escapeHtml", () => {
  it("escapes the five characters that can open markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
    expect(escapeHtml("plain text, 1–5 ↔ ≥")).toBe("plain text, 1–5 ↔ ≥");
  });
});

describe("renderHtml", () => {
  it("lists critical findings before warnings in the summary, each in practice order", () => {
    const report: Report = {
      ...fixtureReport(),
      checks: [
        check("a", 1, [finding("warning", "First warning."), finding("info", "Only information.")]),
        check("b", 3, [finding("critical", "Key person left. Rule: more detail.")]),
        check("c", 5, [finding("warning", "Second warning."), finding("critical", "Contact fell.")]),
      ],
    };
    expect(headlineFindings(report).map((h) => h.finding.message)).toEqual([
      "Key person left. Rule: more detail.",
      "Contact fell.",
      "First warning.",
      "Second warning.",
    ]);
    const html = renderHtml(report);
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('id="practice-1"'));
    expect(summary.indexOf("Key person left.")).toBeLessThan(summary.indexOf("Contact fell."));
    expect(summary.indexOf("Contact fell.")).toBeLessThan(summary.indexOf("First warning."));
    expect(summary).not.toContain("Rule: more detail");
    expect(summary).not.toContain("Only information");
    expect(html).toContain('href="#finding-b-1"');
    expect(html).toContain('id="finding-b-1"');
  });

  it("keeps a finding's first sentence for the summary", () => {
    expect(firstSentence("Contact fell by 96%. From 2026-W37. Rule: a shift.")).toBe("Contact fell by 96%.");
    expect(firstSentence("Rated at 2.72 on 1–5: weak (below 3.5).")).toBe("Rated at 2.72 on 1–5: weak (below 3.5).");
  });

  it("escapes names from the data everywhere, charts included, and loads nothing from elsewhere", async () => {
    const hostile = `Ward <img src=x onerror=alert(1)> "A" & 'B'`;
    const base = fixtureReport();
    const report: Report = {
      ...base,
      checks: [check("hostile", 1, [{ ...finding("critical", `${hostile} fell.`), subject: { groups: [hostile] } }])],
      survey: {
        ...base.survey!,
        participation: [{ attribute: "team", value: hostile, headcount: 3, suppressed: true }],
      },
    };
    const html = await htmlOf(report);
    expect(html).not.toContain("<img");
    expect(html).toContain("Ward &lt;img src=x onerror=alert(1)&gt; &quot;A&quot; &amp; &#39;B&#39;");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:|\/\/)|@import/i);
  });
});

describe("privacy in the HTML report", () => {
  // Gamma's three respondents answer (1,1,2), (2,1,2), (1,2,1): person means 4/3, 5/3, 4/3, group mean 13/9 = 1.444.
  const gamma = [
    [1, 1, 2],
    [2, 1, 2],
    [1, 2, 1],
  ];
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ["Alpha", 4 + (i % 2), 5, 4]),
    ...Array.from({ length: 9 }, (_, i) => ["Beta", 3, 4 - (i % 2), 3]),
    ...gamma.map((answers) => ["Gamma", ...answers]),
  ];

  function writeSurvey(): string {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-html-privacy-"));
    writeFileSync(
      join(dir, "survey.csv"),
      ["respondent,organisation,T1,T2,T3", ...rows.map((r, i) => [`r${i + 1}`, ...r].join(","))].join("\n"),
    );
    writeFileSync(
      join(dir, "relaudit.config.json"),
      JSON.stringify({ scales: { trust: { items: ["T1", "T2", "T3"], min: 1, max: 5 } } }),
    );
    return dir;
  }

  it("shows Gamma's mean when the minimum group size allows it (the search below can find it)", async () => {
    const report = await audit({ dir: writeSurvey(), files: {}, minGroupSize: 3, generatedAt: "2026-11-23T06:00:00Z" });
    expect(withoutGeometry(await htmlOf(report))).toMatch(/1\.44/);
  });

  it("never shows a hidden group's n or mean, in text, attributes or chart data", async () => {
    const report = await audit({ dir: writeSurvey(), files: {}, generatedAt: "2026-11-23T06:00:00Z" });
    const hidden = report
      .survey!.scales[0].groups.filter((g: { suppressed: boolean }) => g.suppressed)
      .map((g: { value: string }) => g.value);
    expect(hidden).toContain("Gamma");
    const html = withoutGeometry(await htmlOf(report));
    expect(html).toContain("Gamma");
    expect(html).not.toMatch(/1\.44/);
    for (const match of html.matchAll(/Gamma/g)) {
      const near = html.slice(Math.max(0, match.index - 200), match.index + 200);
      expect(near).not.toMatch(/n = 3\b|\b3 respondents|\(3\)/);
    }
  });
});
