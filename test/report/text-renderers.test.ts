import { describe, expect, it } from "vitest";
import { countChecks } from "../../src/pipeline/audit.js";
import type { CheckResult, Report } from "../../src/result/types.js";
import { md, renderMarkdown } from "../../src/report/markdown.js";
import { renderTerminal, wrap } from "../../src/report/terminal.js";
import { renderJson } from "../../src/report/json.js";

const hostile = "Ward | 7 <script>alert(1)</script> [click](http://evil.example) *bold* `code`";

function reportWith(checks: CheckResult[]): Report {
  return {
    schemaVersion: "1.0.0",
    tool: { name: "relaudit", version: "0.0.0-test" },
    generatedAt: "2026-11-23T06:00:00Z",
    minGroupSize: 5,
    inputs: {
      files: [
        { kind: "people", path: "people.csv", rows: 12, encoding: "utf-8", delimiter: ",", columns: ["id", "team"] },
      ],
      warnings: [],
      boundaries: ["team"],
      directed: true,
      period: "week",
      timeZone: "UTC",
      window: { since: null, until: null },
    },
    summary: countChecks(checks),
    checks,
    survey: null,
    network: null,
    signals: null,
    series: null,
    leading: null,
    timeline: null,
  };
}

const checks: CheckResult[] = [
  {
    id: "example-critical",
    practice: 3,
    title: "Single points of failure",
    status: "fail",
    severity: "critical",
    summary: "One link depends on one person.",
    findings: [
      {
        severity: "critical",
        subject: { attribute: "team", groups: [hostile, "Social Care"] },
        message: `Only one person carries the link between ${hostile} and Social Care, and they have left.`,
        evidence: [{ label: "share of cross-group ties carried", value: 0.92, n: 25, ci: [0.75, 0.98] }],
        questions: ["Who else could carry this link, and what would help them start?"],
      },
    ],
    evidence: [],
    notes: [],
  },
  {
    id: "example-pass",
    practice: 1,
    title: "Reciprocity",
    status: "pass",
    severity: "info",
    summary: "Most ties are returned.",
    findings: [],
    evidence: [{ label: "reciprocity", value: 0.61, n: 812 }],
    notes: [],
  },
];

describe("Markdown renderer", () => {
  const markdown = renderMarkdown(reportWith(checks));

  it("escapes names so they cannot become HTML, links or table columns", () => {
    expect(markdown).not.toContain("<script>");
    expect(markdown).not.toContain("[click](");
    expect(markdown).toContain("Ward \\| 7 &lt;script&gt;");
    expect(md("a|b")).toBe("a\\|b");
    expect(md("line\nbreak")).toBe("line break");
    expect(md("see https://evil.example and www.evil.example")).toBe(
      "see https\\://evil.example and www\\.evil.example",
    );
  });

  it("puts the summary first, then practices in order, then data notes", () => {
    const order = [
      "## Summary",
      "**Headline findings**",
      "## 1. Audit relational health",
      "## 3. Boundary-spanning roles",
      "## Data notes",
    ].map((h) => markdown.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("shows every number with its n and interval", () => {
    expect(markdown).toContain("share of cross-group ties carried: 0.920 (95% CI 0.750 to 0.980, n = 25)");
  });

  it("--quiet keeps only checks with findings", () => {
    const quiet = renderMarkdown(reportWith(checks), { quiet: true });
    expect(quiet).toContain("Single points of failure");
    expect(quiet).not.toContain("Reciprocity");
    expect(quiet).not.toContain("## Data notes");
  });
});

describe("terminal renderer", () => {
  it("fits 80 columns and has no escape codes without colour", () => {
    const text = renderTerminal(reportWith(checks), { color: false, width: 80 });
    expect(text).not.toContain("\x1b[");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(text.indexOf("CRITICAL")).toBeLessThan(text.indexOf("Checks"));
  });

  it("uses colour when asked", () => {
    expect(renderTerminal(reportWith(checks), { color: true })).toContain("\x1b[");
  });

  it("--quiet prints only findings", () => {
    const text = renderTerminal(reportWith(checks), { color: false, quiet: true });
    expect(text).toContain("CRITICAL");
    expect(text).not.toContain("Checks");
    expect(text).not.toContain("Inputs");
  });

  it("wraps words, keeping alignment inside the first line", () => {
    expect(wrap("  people        a b c d", 12, "    ")).toEqual(["  people", "    a b c d"]);
    expect(wrap("one two three", 7, "  ")).toEqual(["one two", "  three"]);
  });
});

describe("JSON renderer", () => {
  it("is the result, pretty-printed, ending with a newline", () => {
    const report = reportWith(checks);
    const json = renderJson(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json.endsWith("}\n")).toBe(true);
  });
});
