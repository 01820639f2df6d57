// The explorer's rows, built from a hand-made result.
import { describe, expect, it } from "vitest";
import { explorerTabs, type Tab, type TabId } from "../../src/explore/model.js";
import type { Report } from "../../src/result/types.js";
import { mdcSeries, report } from "../report/charts/fixtures.js";

function withFindings(): Report {
  const r = report();
  const finding = (severity: "info" | "warning" | "critical", message: string) => ({
    severity,
    subject: { groups: ["County", "Harbour"] },
    message,
    evidence: [{ label: "RC index", value: 3.1, n: 12 }],
    questions: ["What changed?"],
  });
  r.checks = [
    {
      id: "a",
      practice: 1,
      title: "Check A",
      status: "warn",
      severity: "warning",
      summary: "",
      findings: [finding("info", "an info"), finding("warning", "a warning")],
      evidence: [],
      notes: [],
    },
    {
      id: "b",
      practice: 5,
      title: "Check B",
      status: "fail",
      severity: "critical",
      summary: "",
      findings: [finding("critical", "a critical")],
      evidence: [],
      notes: [],
    },
    {
      id: "c",
      practice: 3,
      title: "Check C",
      status: "error",
      severity: "info",
      summary: "",
      findings: [],
      evidence: [],
      notes: [],
      error: "boom",
    },
  ];
  return r;
}

const tab = (tabs: Tab[], id: TabId) => tabs.find((t) => t.id === id)!;

describe("explorer rows", () => {
  it("lists findings most severe first, then check errors, each with evidence and questions", () => {
    const rows = tab(explorerTabs(withFindings()), "findings").rows;
    expect(rows.map((r) => r.label)).toEqual(["a critical", "a warning", "Check C could not run", "an info"]);
    expect(rows[0].value).toBe("critical · practice 5");
    expect(rows[0].detail.map((d) => d.text)).toEqual([
      "Check B (b)",
      "County ↔ Harbour",
      "• RC index: 3.10 (n = 12)",
      "Questions to ask:",
      "? What changed?",
    ]);
    expect(rows[2].detail[0].text).toBe("boom");
  });

  it("joins each group's network figures and survey scores, a suppressed score said as such", () => {
    const rows = tab(explorerTabs(report()), "groups").rows;
    const acute = rows.find((r) => r.label === "organisation: Acute")!;
    expect(acute.value).toBe("40 people · E-I 0");
    const county = rows.find((r) => r.label === "organisation: County")!;
    expect(county.detail.map((d) => d.text)).toEqual(["Trust: 3.25 (95% CI 2.90 to 3.60), n = 18"]);
    const harbour = rows.find((r) => r.label === "organisation: Harbour")!;
    expect(harbour.detail).toEqual([{ text: "Trust: suppressed (fewer than 5 respondents)", tone: "muted" }]);
    expect(harbour.detail.some((d) => /\d\.\d/.test(d.text))).toBe(false);
  });

  it("describes each group pair, flagging a mostly one-way one", () => {
    const rows = tab(explorerTabs(report()), "pairs").rows;
    expect(rows.map((r) => r.label)).toEqual(["Acute ↔ Community", "Acute ↔ Primary", "Acute ↔ Social"]);
    expect(rows[0].value).toBe("18 ties · 10% both ways");
    expect(rows[0].detail.find((d) => d.text.startsWith("Pairs in contact both ways"))).toEqual({
      text: "Pairs in contact both ways: 10%",
      tone: "warning",
    });
  });

  it("puts signalled series first with a sparkline and the signal in the detail", () => {
    const rows = tab(explorerTabs(report()), "series").rows;
    expect(rows.map((r) => r.key)).toEqual([
      "interactions:organisation:A & B <Care>|County Social Care",
      mdcSeries().id,
    ]);
    expect(rows[0].tone).toBe("critical");
    expect(rows[0].value).toBe("concern low");
    expect(rows[0].spark!.values[6]).toBeNull();
    expect(rows[0].spark!.special.filter((s) => s === "concern")).toHaveLength(6);
    expect(rows[0].detail.map((d) => d.text)).toContain(
      "critical signal since 2026-W24: a shift (6+ points on one side of the mean)",
    );
    expect(rows[1].detail[1].text).toBe("Mean 23.20, process limits 8.76 to 37.64");
  });

  it("lists brokers by betweenness, leavers and articulation points marked", () => {
    const rows = tab(explorerTabs(report()), "brokers").rows;
    expect(rows.map((r) => r.key)).toEqual(['=HYPERLINK("x")', "P2"]);
    expect(rows[0].tone).toBe("warning");
    expect(rows[0].value).toBe("betweenness 0.004 · left");
    expect(rows[0].detail.map((d) => d.text)).toContain(
      "The only link between parts of the network (articulation point).",
    );
  });

  it("says why a tab is empty", () => {
    const tabs = explorerTabs({ ...report(), network: null, series: null, signals: null, survey: null });
    for (const id of ["groups", "pairs", "series", "brokers"] as const) {
      expect(tab(tabs, id).rows).toEqual([]);
      expect(tab(tabs, id).empty).toMatch(/^No /);
    }
  });
});
