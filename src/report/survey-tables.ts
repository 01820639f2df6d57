// The survey section as display tables: scales (practices 1 and 6) with their items, groups and wave changes,
// participation, and the relational coordination matrix.
import type { ScaleResult, SurveySection } from "../result/survey.js";
import { ci, int, num, pct, pValue, signed, SUPPRESSED, table, type DisplayTable } from "./display-table.js";

export function surveyTables(survey: SurveySection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  for (const practice of [1, 6] as const) {
    const scales = survey.scales.filter((s) => s.practice === practice);
    if (scales.length === 0) continue;
    tables.push(
      table({
        id: `survey-scales-${practice}`,
        practice,
        title: practice === 6 ? "Relational leadership scales" : "Survey scales",
        caption: `Latest wave${survey.currentWave ? ` (${survey.currentWave})` : ""}; mean of person scores with 95% CI; α = Cronbach's alpha (raw, standardised); favourable = top-two boxes. Suppressed: fewer than ${survey.minGroupSize} respondents.`,
        headings: ["scale", "n", "mean", "95% CI", "sd", "α", "std α", "favourable"],
        rows: scales.map((s) =>
          s.suppressed
            ? [s.label, SUPPRESSED, "", "", "", "", "", ""]
            : [
                s.label,
                int(s.n),
                num(s.mean),
                ci(s.ci),
                num(s.sd),
                num(s.alpha),
                num(s.alphaStandardised),
                pct(s.favourable),
              ],
        ),
        terminal: true,
      }),
    );
    for (const s of scales) tables.push(...scaleDetailTables(survey, s, practice));
  }
  tables.push(...participationTables(survey), ...coordinationTables(survey));
  return tables;
}

/** One scale's items (current wave), groups and changes between waves. */
function scaleDetailTables(survey: SurveySection, s: ScaleResult, practice: 1 | 6): DisplayTable[] {
  const tables: DisplayTable[] = [];
  if (!s.suppressed) {
    const miskeyed = new Set(s.keying.map((k) => k.item));
    tables.push(
      table({
        id: `survey-items-${s.id}`,
        practice,
        title: `${s.label}: items`,
        caption:
          "After reverse keying. r.drop = correlation of the item with the rest of the scale; an item with a negative r.drop is probably keyed the wrong way.",
        headings: ["item", "reversed", "n", "mean", "r.drop", "α if deleted", "favourable"],
        numeric: [false, false, true, true, true, true, true],
        rows: s.items.map((i) => [
          miskeyed.has(i.id) ? `${i.id} (check keying)` : i.id,
          i.reversed ? "yes" : "",
          int(i.n),
          num(i.mean),
          num(i.rDrop),
          num(i.alphaIfDeleted),
          pct(i.favourable),
        ]),
        terminal: false,
      }),
    );
  }
  const groups = s.groups.filter((g) => !survey.currentWave || g.wave === undefined || g.wave === survey.currentWave);
  if (groups.length > 0) {
    tables.push(
      table({
        id: `survey-groups-${s.id}`,
        practice,
        title: `${s.label} by group`,
        caption: `Latest wave; groups with fewer than ${survey.minGroupSize} respondents (or whose value could be worked out from others) are suppressed.`,
        headings: ["group", "n", "mean", "95% CI", "favourable", "band"],
        numeric: [false, true, true, true, true, false],
        rows: groups.map((g) => {
          const name = `${g.attribute}: ${g.value}`;
          return g.suppressed
            ? [name, SUPPRESSED, "", "", "", ""]
            : [name, int(g.n), num(g.mean), ci(g.ci), pct(g.favourable), g.band ?? ""];
        }),
        terminal: false,
      }),
    );
  }
  const changes = s.changes.filter((c) => c.suppressed || !("insufficient" in c));
  if (changes.length > 0) {
    tables.push(
      table({
        id: `survey-changes-${s.id}`,
        practice,
        title: `${s.label}: change between waves`,
        caption: "Later minus earlier wave, Welch 95% CI; Hedges' g; Mann–Whitney p as a robustness check.",
        headings: ["group", "waves", "change", "95% CI", "Hedges' g", "p (Welch)", "p (M–W)"],
        numeric: [false, false, true, true, true, true, true],
        rows: changes.map((c) => {
          const name = c.attribute === null ? "whole scale" : `${c.attribute}: ${c.value}`;
          const waves = `${c.from} → ${c.to}`;
          if (c.suppressed) return [name, waves, SUPPRESSED, "", "", "", ""];
          if ("insufficient" in c) return [name, waves, "too few", "", "", "", ""];
          return [name, waves, signed(c.difference), ci(c.ci), num(c.hedgesG), pValue(c.p), pValue(c.mannWhitney.p)];
        }),
        terminal: false,
      }),
    );
  }
  return tables;
}

function participationTables(survey: SurveySection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  if (survey.participation.length > 0) {
    tables.push(
      table({
        id: "survey-participation",
        practice: 1,
        title: "Survey participation",
        caption: `Responses in the latest wave against current headcount from people.csv; groups under ${survey.minGroupSize} are suppressed.`,
        headings: ["group", "headcount", "responses", "response rate"],
        numeric: [false, true, true, true],
        rows: survey.participation.map((p) =>
          p.suppressed
            ? [`${p.attribute}: ${p.value}`, SUPPRESSED, "", ""]
            : [`${p.attribute}: ${p.value}`, int(p.headcount), int(p.responses), pct(p.rate)],
        ),
        terminal: false,
      }),
    );
  }
  return tables;
}

function coordinationTables(survey: SurveySection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  const rc = survey.coordination;
  if (rc) {
    const pooled = (name: string, a: (typeof rc)["within"]) =>
      a.suppressed ? [name, SUPPRESSED, "", ""] : [name, num(a.index), int(a.n), int(a.ratings)];
    tables.push(
      table({
        id: "survey-coordination-pooled",
        practice: 1,
        title: "Relational coordination within and between groups",
        caption:
          "Ratings pooled: groups rating themselves (within) and other groups (between), and how each group is rated by the others.",
        headings: ["ratings", "RC index", "raters", "ratings"],
        rows: [
          pooled("within groups", rc.within),
          pooled("between groups", rc.between),
          ...rc.received.map((r) => pooled(`${r.group}, as rated by others`, r)),
        ],
        terminal: false,
      }),
    );
    const cell = (rater: string, rated: string) =>
      rc.cells.find((c) => c.raterGroup === rater && c.ratedGroup === rated);
    tables.push(
      table({
        id: "survey-coordination",
        practice: 1,
        title: "Relational coordination (rater → rated)",
        caption: `RC index ${rc.min}–${rc.max} by ${rc.raterAttribute}${rc.wave ? `, wave ${rc.wave}` : ""}: rows rate columns. Weak < ${rc.bands.weak} ≤ moderate ≤ ${rc.bands.strong} < strong.`,
        headings: ["rater \\ rated", ...rc.groups],
        rows: rc.groups.map((rater) => [
          rater,
          ...rc.groups.map((rated) => {
            const c = cell(rater, rated);
            if (!c) return "";
            if (c.suppressed) return SUPPRESSED;
            return `${c.index.toFixed(2)} ${c.band}${c.within ? " (own)" : ""}`;
          }),
        ]),
        terminal: false,
      }),
    );
    const flagged = rc.asymmetries.filter((a) => a.flagged);
    if (flagged.length > 0) {
      tables.push(
        table({
          id: "survey-coordination-asymmetry",
          practice: 1,
          title: "Asymmetric relationships",
          caption: "How each side rates the other; difference with Welch 95% CI.",
          headings: ["relationship", "A rates B", "B rates A", "difference", "95% CI", "n (A, B)"],
          numeric: [false, true, true, true, true, true],
          rows: flagged.map((a) => [
            `${a.groupA} ↔ ${a.groupB}`,
            num(a.aRatesB),
            num(a.bRatesA),
            signed(a.difference),
            ci(a.ci),
            `${a.nA}, ${a.nB}`,
          ]),
          terminal: true,
        }),
      );
    }
  }
  return tables;
}
