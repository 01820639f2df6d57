// Item means beside group means (issue 13, item 5 widened): a scale's mean averages each person's answered items, an
// item total counts each answer once, so the two weigh people by how many items they skipped. Judged beside the
// scale's overall mean alone (as the first plan did) they looked safe here; with the team means a reader combines
// 7·(A + B) + 6·D − (the item totals) and gets (1/6 of) the one skipper in team B's answers. Now one item is
// withheld so that no combination can weigh items apart from groups (src/survey/items.ts).
import { describe, expect, it } from "vitest";
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { SurveySection } from "../../src/result/survey.js";
import { weightedLeak } from "../helpers/attack.js";
import { surveyDataset } from "../survey/helpers.js";

const ITEMS = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"];

/** Team A: 10 answer everything; B: 4 answer everything and 1 skips Q7 (or all 5 answer everything); D: 5 skip Q7. */
function teams(skipperInB = true): { team: string[]; answered: boolean[][] } {
  const people = [
    ...Array.from({ length: 10 }, () => ["A", 7] as const),
    ...Array.from({ length: 4 }, () => ["B", 7] as const),
    ["B", skipperInB ? 6 : 7] as const,
    ...Array.from({ length: 5 }, () => ["D", 6] as const),
  ];
  return { team: people.map(([t]) => t), answered: people.map(([, m]) => ITEMS.map((_, i) => i < m)) };
}

function section(team: string[], answered: boolean[][], constant: readonly string[] = []): SurveySection {
  const answers = Object.fromEntries(
    ITEMS.map((q, i) => [q, answered.map((a, p) => (!a[i] ? NaN : constant.includes(q) ? 3 : 1 + ((p * 3 + i) % 5)))]),
  );
  const data = surveyDataset(
    { groups: { team }, answers },
    { minGroupSize: 5, boundaries: ["team"], scales: { s: { items: ITEMS, min: 1, max: 5 } } },
  );
  return analyseSurvey(data)!;
}

/**
 * The attacker's figures, each a weight per (person, item): every shown team mean and the overall mean (each person's
 * answers over the number they answered), and every shown item mean over the people it describes (read off its n:
 * all who answered the item, or all who answered everything).
 */
function figures(s: SurveySection, team: string[], answered: boolean[][]) {
  const scale = s.scales[0];
  if (scale.suppressed) return [];
  const count = (p: number) => answered[p].filter(Boolean).length;
  const mean = (inGroup: (p: number) => boolean) => (p: number, i: number) =>
    inGroup(p) && answered[p][i] ? 1 / count(p) : 0;
  const out = [mean(() => true)];
  for (const g of scale.groups) if (!g.suppressed) out.push(mean((p) => team[p] === g.value));
  const complete = answered.map((a) => a.every(Boolean));
  for (const item of scale.items) {
    const i = ITEMS.indexOf(item.id);
    const answerers = answered.map((a) => a[i]);
    const describes = answerers.filter(Boolean).length === item.n ? answerers : complete;
    expect(describes.filter(Boolean).length).toBe(item.n);
    out.push((p: number, j: number) => (j === i && describes[p] && answered[p][i] ? 1 : 0));
  }
  return out;
}

describe("item means beside group means", () => {
  it("no combination of team means, the overall mean and item means depends on fewer than 5 people's answers", () => {
    const { team, answered } = teams();
    const s = section(team, answered);
    // The teams are all shown, so the test attacks what a reader really sees.
    expect(s.scales[0].groups.filter((g) => !g.suppressed).map((g) => g.value)).toEqual(["A", "B", "D"]);
    expect(weightedLeak(answered, figures(s, team, answered), 5)).toBeNull();
  });

  it("the attacker finds the skipper in team B when item means are taken over every answer (the control)", () => {
    const { team, answered } = teams();
    const count = (p: number) => answered[p].filter(Boolean).length;
    const mean = (inGroup: (p: number) => boolean) => (p: number, i: number) =>
      inGroup(p) && answered[p][i] ? 1 / count(p) : 0;
    const control = [
      mean(() => true),
      ...["A", "B", "D"].map((t) => mean((p) => team[p] === t)),
      ...ITEMS.map((_, i) => (p: number, j: number) => (j === i && answered[p][i] ? 1 : 0)),
    ];
    expect(weightedLeak(answered, control, 5)).toContain(14);
  });

  it("one item is withheld and the other six are shown", () => {
    const { team, answered } = teams();
    const scale = section(team, answered).scales[0];
    expect(scale.suppressed).toBe(false);
    if (scale.suppressed) return;
    expect(scale.items).toHaveLength(6);
    expect(scale.warnings.join(" ")).toMatch(/item means withheld for Q\d/);
  });

  it("with no skipper in team B the same holds: six items shown, nothing leaks", () => {
    const { team, answered } = teams(false);
    const s = section(team, answered);
    const scale = s.scales[0];
    expect(scale.suppressed).toBe(false);
    if (scale.suppressed) return;
    expect(scale.items).toHaveLength(6);
    expect(weightedLeak(answered, figures(s, team, answered), 5)).toBeNull();
  });

  it("never names a withheld item for having no variance (that alone would tell every answer to it)", () => {
    const { team, answered } = teams();
    const scale = section(team, answered, ["Q1", "Q7"]).scales[0];
    if (scale.suppressed) throw new Error("the scale should be shown");
    const withheld = ITEMS.filter((q) => !scale.items.some((item) => item.id === q));
    expect(withheld).toEqual(["Q7"]);
    const warnings = scale.warnings.join(" ");
    expect(warnings).toMatch(/no variance in Q1\b/);
    expect(warnings).not.toMatch(/no variance in[^:]*Q7/);
  });
});
