// A boundary with many groups (over 25) gets a readable view: the groups the findings name, the largest, and the
// rest merged — in the network map one grey "other N groups" ring whose links add up exactly, in the scale chart one
// line with no score (merging scores would publish a figure that, with the ones shown, could give a suppressed
// group away), and suppressed groups as one line.
import { describe, expect, it } from "vitest";
import type { BoundarySection, GroupLink } from "../../../src/result/network.js";
import type { ScaleResult } from "../../../src/result/survey.js";
import type { Finding } from "../../../src/result/types.js";
import { focusGroups, GROUPS_SHOWN, mapView } from "../../../src/report/charts/many-groups.js";
import {
  networkMapAltText,
  networkMapNotes,
  networkMapSpec,
  networkMapTitle,
} from "../../../src/report/charts/network-map.js";
import { renderSvg } from "../../../src/report/charts/render.js";
import { scaleGroupsSpec } from "../../../src/report/charts/scale-groups.js";
import { boundary, report, scale } from "./fixtures.js";
import { marks, parseSvg, texts } from "./svg.js";

const name = (i: number) => `Team ${String(i).padStart(2, "0")}`;

function link(a: number, b: number, ties: number, pairReciprocity: number | null): GroupLink {
  return { ...boundary().links[0], groups: [name(a), name(b)], ties, pairReciprocity };
}

/** 30 teams: team i has 100 − 2i people, so teams 1–15 are the largest; Team 30 is small but a finding names it. */
function manyTeams(): BoundarySection {
  const base = boundary();
  const values = Array.from({ length: 30 }, (_, i) => name(i + 1));
  return {
    ...base,
    attribute: "team",
    groups: values.map((value, i) => ({ ...base.groups[0], value, n: 100 - 2 * (i + 1) })),
    mixing: { groups: values, ties: [], interactions: [] },
    links: [
      link(1, 2, 50, 0.5),
      // Two links from Team 1 to merged teams (20 and 21): 30 arcs at r = 0.5 (20 pairs, 10 both ways) and 12 arcs
      // at r = 0.2 (10 pairs, 2 both ways) make one link of 42 arcs, 30 pairs, 12 both ways: r = 0.4.
      link(1, 20, 30, 0.5),
      link(1, 21, 12, 0.2),
      // Between two merged teams: inside the merged node, not drawn.
      link(22, 23, 40, 0.9),
      link(2, 30, 5, 0),
    ],
  };
}

describe("the readable view of a boundary with many groups", () => {
  const view = mapView(manyTeams(), [name(30)]);

  it("keeps the groups the findings name, then the largest, and merges the rest into one node", () => {
    expect(view.groups).toHaveLength(GROUPS_SHOWN + 1);
    expect(view.groups.map((g) => g.value)).toEqual([
      ...Array.from({ length: 14 }, (_, i) => name(i + 1)),
      name(30),
      "other 15 groups",
    ]);
    // The merged teams are 15–29: 100 − 2i people each.
    const merged = Array.from({ length: 15 }, (_, i) => 100 - 2 * (i + 15)).reduce((a, b) => a + b, 0);
    expect(view.groups.at(-1)).toEqual({ value: "other 15 groups", n: merged, merged: true });
    expect(view.mergedGroups).toBe(15);
  });

  it("adds links to merged groups up exactly, pair reciprocity included, and drops links inside the merge", () => {
    expect(view.links).toHaveLength(3);
    const other = view.links.find((l) => l.groups[1] === "other 15 groups")!;
    expect(other.groups).toEqual([name(1), "other 15 groups"]);
    expect(other.ties).toBe(42);
    expect(other.pairReciprocity).toBeCloseTo(0.4, 12);
    expect(view.links.map((l) => l.ties)).toEqual([50, 42, 5]);
  });

  it("draws no link to the merged node when the report cut its links (--detail summary): a cut list undercounts", () => {
    const cut: BoundarySection = { ...manyTeams(), truncated: { links: { shown: 5, total: 400 } } };
    const summary = mapView(cut, [name(30)]);
    expect(summary.otherLinksDrawn).toBe(false);
    expect(summary.links.every((l) => !l.groups.includes("other 15 groups"))).toBe(true);
    expect(summary.links.map((l) => l.ties)).toEqual([50, 5]);
    expect(networkMapNotes({ boundary: cut, directed: true, focus: [name(30)] }).join(" ")).toContain(
      "Links to the merged groups are not drawn",
    );
    expect(view.otherLinksDrawn).toBe(true);
  });

  it("leaves a boundary of 25 groups or fewer whole", () => {
    const few = boundary();
    expect(mapView(few).groups.map((g) => g.value)).toEqual(["Acute", "Community", "Primary", "Social"]);
    expect(mapView(few).mergedGroups).toBe(0);
  });

  it("draws the map with 15 groups and one dashed grey ring, and says so in the notes and alt text", async () => {
    const input = { boundary: manyTeams(), directed: true, focus: [name(30)] };
    const alt = networkMapAltText(input);
    const { svg, warnings } = await renderSvg(networkMapSpec(input), networkMapTitle(input), alt);
    expect(warnings).toEqual([]);
    const root = parseSvg(svg);
    expect(marks(root, "groups")).toHaveLength(15);
    const ring = marks(root, "merged_groups");
    expect(ring).toHaveLength(1);
    expect(ring[0].attrs["stroke-dasharray"]).toBeDefined();
    expect(texts(root)).toContain(`other 15 groups (${view.groups.at(-1)!.n})`);
    expect(texts(root).join(" ")).toContain("the grey ring stands for the other 15");
    expect(alt).toContain("15 drawn (those the findings name and the largest), the other 15 merged into one node");
  });

  it("has a 16:9 slide variant with no title of its own", async () => {
    for (const b of [boundary(), manyTeams()]) {
      const input = { boundary: b, directed: true };
      const { svg } = await renderSvg(networkMapSpec(input, "slide"), networkMapTitle(input), "");
      const root = parseSvg(svg);
      expect(Number(root.attrs.width) / Number(root.attrs.height)).toBeCloseTo(16 / 9, 2);
      expect(texts(root)).not.toContain(networkMapTitle(input));
    }
  });
});

describe("focus groups", () => {
  it("lists the groups findings and signals name for the attribute, most severe first", () => {
    const r = report();
    const findings: Finding[] = [
      { severity: "warning", subject: { attribute: "team", groups: ["B"] }, message: "", evidence: [], questions: [] },
      {
        severity: "critical",
        subject: { attribute: "team", groups: ["A", "C"] },
        message: "",
        evidence: [],
        questions: [],
      },
      { severity: "critical", subject: { attribute: "org", groups: ["X"] }, message: "", evidence: [], questions: [] },
    ];
    r.checks = [
      {
        id: "x",
        practice: 1,
        title: "x",
        status: "fail",
        severity: "critical",
        summary: "",
        findings,
        evidence: [],
        notes: [],
      },
    ];
    r.signals = [];
    expect(focusGroups(r, "team")).toEqual(["A", "C", "B"]);
    expect(focusGroups(r, "team", "trust")).toEqual([]);
  });
});

/** 30 teams in two waves: teams 1–5 suppressed in both, team 6 in the first only; team i has 40 − i respondents. */
function manyTeamScale(): ScaleResult {
  const base = scale();
  const est = (i: number, wave: number) => ({
    suppressed: false as const,
    n: 40 - i,
    mean: 3 + i / 100 + wave / 10,
    sd: 0.8,
    ci: [2.5 + i / 100, 3.5 + i / 100 + wave / 10] as [number, number],
    favourable: 0.5,
    band: null,
  });
  const groups = Array.from({ length: 30 }, (_, k) => k + 1).flatMap((i) =>
    ["2026-05", "2026-10"].map((wave, w) =>
      i <= 5 || (i === 6 && w === 0)
        ? { attribute: "team", value: name(i), wave, suppressed: true as const }
        : { attribute: "team", value: name(i), wave, ...est(i, w) },
    ),
  );
  return { ...base, groups };
}

describe("scale scores by group, many groups", () => {
  const input = {
    scale: manyTeamScale(),
    attribute: "team",
    minGroupSize: 5,
    waves: ["2026-05", "2026-10"],
    focus: [name(29)],
  };
  const data = (scaleGroupsSpec(input) as unknown as { data: { values: Record<string, unknown>[] } }).data.values;

  it("draws the named group and the largest, one line for the rest and one for the suppressed groups", () => {
    const rows = [...new Set(data.map((d) => d.row))];
    expect(rows).toEqual([
      ...Array.from({ length: 14 }, (_, i) => name(i + 6)),
      name(29),
      "other 10 groups",
      "5 groups suppressed",
    ]);
    expect(data.find((d) => d.row === "5 groups suppressed")!.text).toBe("fewer than 5 respondents");
    // Team 6, suppressed in one wave only, keeps its row and says so for that wave.
    expect(data.filter((d) => d.row === name(6)).map((d) => d.text)).toEqual([
      "2026-05: suppressed",
      "2026-10: n = 34",
    ]);
  });

  it("publishes no number but the drawn groups' own: the merged and suppressed lines carry none", () => {
    const published = new Set(
      input.scale.groups.flatMap((g) => (g.suppressed ? [] : [g.mean, g.ci![0], g.ci![1], g.n])),
    );
    for (const d of data) {
      for (const key of ["mean", "low", "high"])
        if (d[key] !== null) expect(published.has(d[key] as number)).toBe(true);
      if (typeof d.row === "string" && !d.row.startsWith("Team")) {
        expect(d.mean).toBeNull();
        expect(d.low).toBeNull();
        expect(String(d.text)).not.toMatch(/\d+(\.\d+)?(?! respondents)/);
      }
    }
  });
});
