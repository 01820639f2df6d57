import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planRelease } from "../../src/survey/release.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { GroupResult, ScaleResult } from "../../src/result/survey.js";
import { rank, surveyDataset } from "./helpers.js";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** What one wave's plan hides, for respondents labelled by attribute (labels[a][unit]), as "total" and "a=v". */
function plan(labels: Record<string, (string | null)[]>, k = 5): Set<string> {
  const rows = range(0, Object.values(labels)[0].length);
  const attributes = Object.entries(labels).map(([name, values]) => ({ name, values }));
  const released = planRelease({
    waves: [{ label: null, rows }],
    attributes,
    families: [{ id: "s", member: () => true }],
    minGroupSize: k,
  });
  const shown = new Set([...released].map((key) => key.split("\u0000").slice(2).filter(Boolean).join("=") || "total"));
  const all = [
    "total",
    ...attributes.flatMap((a) => [...new Set(a.values.filter((v) => v !== null))].map((v) => `${a.name}=${v}`)),
  ];
  return new Set(all.filter((id) => !shown.has(id)));
}
const repeat = (entries: [string | null, number][]) => entries.flatMap(([v, n]) => new Array<string | null>(n).fill(v));

describe("suppression rules (hand-worked)", () => {
  it("primary: a group under k is hidden; the rest stay", () => {
    // Two hidden groups of 2 and 3 together hold 5 people: neither can be isolated.
    const hidden = plan({
      team: repeat([
        ["A", 2],
        ["B", 3],
        ["C", 10],
        ["D", 12],
      ]),
    });
    expect([...hidden].sort()).toEqual(["team=A", "team=B"]);
  });

  it("secondary: total minus shown siblings would reveal a lone hidden group, so the next smallest goes too", () => {
    const hidden = plan({
      team: repeat([
        ["A", 3],
        ["B", 7],
        ["C", 10],
      ]),
    });
    expect([...hidden].sort()).toEqual(["team=A", "team=B"]);
  });

  it("people without a group count in the remainder", () => {
    // 2 respondents gave no team: total − A − B would describe those 2 people.
    const hidden = plan({
      team: repeat([
        ["A", 8],
        ["B", 10],
        [null, 2],
      ]),
    });
    expect([...hidden]).toEqual(["team=A"]);
  });

  it("nested groups: an organisation minus its shown teams would reveal a small team", () => {
    // Org X = teams A (3), B (6), C (8); org Y = teams D (3), E (9). Organisations come first; then
    // X − B − C = A: B must go; Y − E = D: E must go.
    const team = repeat([
      ["A", 3],
      ["B", 6],
      ["C", 8],
      ["D", 3],
      ["E", 9],
    ]);
    const organisation = repeat([
      ["X", 17],
      ["Y", 12],
    ]);
    const hidden = plan({ organisation, team });
    expect([...hidden].sort()).toEqual(["team=A", "team=B", "team=D", "team=E"]);
  });

  it("a group nested in another that differs by one person is caught by the remainder rule", () => {
    // Team P holds all 9 nurses and one other person: P − nurse isolates one person, so "nurse" goes.
    const team = repeat([
      ["P", 10],
      ["Q", 10],
    ]);
    const profession = repeat([
      ["nurse", 9],
      ["doctor", 11],
    ]);
    expect(plan({ team, profession }).has("profession=nurse")).toBe(true);
  });

  it("chains: a group that is a combination of shown ones is published only when that is safe", () => {
    // Org X = teams A (3) + E (8); org Y = B (6) + C (10). X − E = A, so E goes with A; B = Y − C is
    // recomputable but holds 6 people, so it is shown.
    const team = repeat([
      ["A", 3],
      ["E", 8],
      ["B", 6],
      ["C", 10],
    ]);
    const organisation = repeat([
      ["X", 11],
      ["Y", 16],
    ]);
    expect([...plan({ organisation, team })].sort()).toEqual(["team=A", "team=E"]);
  });

  it("hides the total when fewer than k answered", () => {
    expect(plan({ team: repeat([["A", 4]]) }).has("total")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Adversarial: an attacker who knows everyone's groups (the org chart) but no answers reads the JSON and tries
// to recover any hidden group's mean as a linear combination of published n·mean sums. Exact integer
// elimination (Bareiss), independent of the float elimination in the implementation.

interface Respondent {
  labels: Record<string, string | null>;
  score: number;
}

function attack(respondents: Respondent[], scale: ScaleResult, attributes: string[], k: number) {
  // Atoms: people with the same labels on every attribute.
  const atomKey = (p: Respondent) => attributes.map((a) => p.labels[a] ?? "\u0000").join("|");
  const atoms = [...new Set(respondents.map(atomKey))];
  const vector = (members: Respondent[]) => {
    const v = atoms.map(() => 0n);
    for (const p of members) v[atoms.indexOf(atomKey(p))] = 1n;
    return v;
  };
  const membersOf = (g: GroupResult) => respondents.filter((p) => p.labels[g.attribute] === g.value);
  const published: bigint[][] = [];
  if (!scale.suppressed) published.push(vector(respondents));
  for (const g of scale.groups) if (!g.suppressed) published.push(vector(membersOf(g)));
  const base = rank(published);
  for (const g of scale.groups) {
    if (!g.suppressed) {
      // What the JSON shows must be true.
      const truth = membersOf(g).map((p) => p.score);
      expect(g.n).toBe(truth.length);
      expect(g.mean).toBeCloseTo(truth.reduce((a, x) => a + x, 0) / truth.length, 9);
      expect(g.n).toBeGreaterThanOrEqual(k);
      continue;
    }
    // Recoverable iff adding the hidden group's vector does not raise the rank.
    expect(rank([...published, vector(membersOf(g))]), `hidden ${g.attribute}=${g.value} is recoverable`).toBe(
      base + 1,
    );
    expect(JSON.stringify(g)).not.toMatch(/"n"|"mean"|"sd"|"ci"/);
  }
  // No published difference isolates fewer than k people: parent minus the shown groups nested in it.
  const shown = scale.groups.filter((g): g is GroupResult & { suppressed: false } => !g.suppressed);
  const parents = [
    { members: scale.suppressed ? [] : respondents, attribute: "" },
    ...shown.map((g) => ({ members: membersOf(g), attribute: g.attribute })),
  ];
  for (const parent of parents) {
    if (parent.members.length === 0) continue;
    for (const attribute of attributes.filter((a) => a !== parent.attribute)) {
      const inside = shown.filter(
        (g) => g.attribute === attribute && membersOf(g).every((p) => parent.members.includes(p)),
      );
      const remainder = parent.members.length - inside.reduce((a, g) => a + g.n, 0);
      if (inside.length > 0) expect(remainder === 0 || remainder >= k, `remainder of ${remainder} people`).toBe(true);
    }
  }
}

const respondentArb = fc.record({
  org: fc.constantFrom("X", "Y", "Z"),
  teamIndex: fc.integer({ min: 0, max: 2 }),
  profession: fc.option(fc.constantFrom("nurse", "doctor", "therapist", "admin"), { nil: null, freq: 6 }),
  answer: fc.integer({ min: 1, max: 5 }),
});

describe("adversarial: no hidden group's mean or n can be recomputed from the JSON", () => {
  it("random nested organisations, teams and professions", () => {
    fc.assert(
      fc.property(
        fc.array(respondentArb, { minLength: 5, maxLength: 70 }),
        fc.integer({ min: 3, max: 6 }),
        (rows, k) => {
          // Teams nest in organisations (team names carry the org); professions cut across; some professions missing.
          const respondents: Respondent[] = rows.map((r) => ({
            labels: { org: r.org, team: `${r.org}${r.teamIndex}`, profession: r.profession },
            score: r.answer,
          }));
          const data = surveyDataset(
            {
              groups: {
                org: respondents.map((p) => p.labels.org),
                team: respondents.map((p) => p.labels.team),
                profession: respondents.map((p) => p.labels.profession),
              },
              answers: { Q1: rows.map((r) => r.answer) },
            },
            {
              minGroupSize: k,
              boundaries: ["org", "team", "profession"],
              scales: { s: { items: ["Q1"], min: 1, max: 5 } },
            },
          );
          const section = JSON.parse(JSON.stringify(analyseSurvey(data)));
          attack(respondents, section.scales[0], ["org", "team", "profession"], k);
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });
});
