// fixtures/demo/README.md, written from the manifest so its numbers are the generated ones.
import { ORGANISATIONS, type Workforce } from "./system.js";
import type { Manifest } from "./docs.js";

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const list = (xs: string[]) => xs.join(", ");

export function readme(m: Manifest, workforce: Workforce, files: Record<string, number>): string {
  const flags = `--seed ${m.seed} --people ${m.people} --weeks ${m.weeks} --interactions-per-person-week ${m.interactionsPerPersonWeek}${m.mode === "null" ? " --null" : ""}`;
  const organisations = ORGANISATIONS.map((org, o) => {
    const teams = workforce.teams.filter((t) => t.org === o);
    return [
      org.name,
      `\`${org.short}\``,
      teams.reduce((s, t) => s + t.members.length, 0),
      teams.map((t) => `${t.name} (${t.members.length})`).join(", "),
      `${Math.round(org.responseRate * 100)}%`,
    ];
  });
  const professions = [...new Set(workforce.people.map((p) => p.profession))].sort();
  const leaders = workforce.people.filter((p) => p.role === "leader").length;

  const parts = [
    `# Demo integrated care system (generated — do not edit)`,
    ``,
    `A synthetic integrated care system for trying relaudit and for testing its checks. Every file here is written by`,
    `\`scripts/generate-demo.ts\` (\`npm run demo:generate\`, i.e. \`node --import tsx scripts/generate-demo.ts ${flags}\`);`,
    `a test regenerates it and compares bytes, so change the generator, not the files. No real people: ids are \`P0001\`…,`,
    `survey respondents carry unlinked codes \`R0001\`….`,
    ``,
    `Mode: **${m.mode}** · seed ${m.seed} · ${m.people} people · ${m.weeks} ISO weeks ${m.firstWeek} – ${m.lastWeek} (from Monday`,
    `2026-05-04, UTC) · ${m.rows.interactions.toLocaleString("en-GB")} interaction rows · ${m.rows.survey} survey responses.`,
    `\`planted.json\` holds the same facts as this README in machine-readable form.`,
    ``,
    `## Files`,
    ``,
    table(
      ["file", "rows", "content"],
      [
        [
          "people.csv",
          files["people.csv"],
          "`id`, `organisation`, `team`, `profession`, `role` (leader/staff), `joined`, `left` (ISO dates; empty = still here)",
        ],
        [
          "interactions.csv",
          files["interactions.csv"],
          "`from`, `to`, `timestamp` (ISO UTC, weekdays 08:00–17:55), `channel`, `weight` (emails: sent that day), `duration_minutes` (calls, meetings)",
        ],
        [
          "survey.csv",
          files["survey.csv"],
          "`respondent`, `wave`, `organisation`, `team`, `profession`, PS1–PS7 (1–7), TR1–TR4 (1–5), RL1–RL5 (text labels), RC_<dimension>_<organisation> (1–5); empty = missing",
        ],
        [
          "delivery.csv",
          files["delivery.csv"],
          "`metric`, `date` (Monday of the week), `organisation`, `value` (empty or `NA` = a gap)",
        ],
        ["events.csv", files["events.csv"], "`event`, `date`, `person` (one row per attendee)"],
        [
          "relaudit.config.json",
          "",
          "boundaries, answer labels, scales, relational coordination columns, metric directions",
        ],
      ],
    ),
    ``,
    `## The system`,
    ``,
    table(["organisation", "RC short name", "people", "teams (people)", "survey response rate"], organisations),
    ``,
    `Professions: ${list(professions)}. ${leaders} people have role \`leader\` (the first member of each team, and managers).`,
    `Ordinary turnover, the same with and without \`--null\`: about 3% join during the window and 3.5% leave (no rows outside`,
    `their dates). Ordinary churn: 6% of working relationships start during the window and 6% go quiet.`,
    ``,
    `**Interactions.** Each person has about four teammates, one colleague in another team of their organisation,`,
    `cross-organisation ties in fixed numbers per pair of organisations (mostly from interface teams: Discharge Hub,`,
    `Hospital Social Work, Rapid Response, Social Prescribing, Care Coordination), and five occasional contacts. Each`,
    `tie has a log-normal strength and a weekly Poisson number of contacts; 40% of ties, and all occasional contacts,`,
    `are led from one side (80–100% of contacts one way). Channels: teams huddle, meet and email; cross-organisation`,
    `contact is more transactional (email, referral, phone). Method and formulas: \`docs/methods.md#demo-system\`.`,
    ``,
    `**Survey.** Two waves, ${m.waves.map((w) => `\`${w.label}\` (fielded ${w.fielded}, ${w.respondents} responses)`).join(" and ")}.`,
    `Psychological safety is Edmondson's 7 items on 1–7 with PS1, PS3, PS5 negatively worded: they are written as`,
    `respondents answer them (reverse-coded in the raw data). Trust: 4 items on 1–5, TR3 reversed. Relational`,
    `leadership: 5 items answered as "Strongly disagree" … "Strongly agree". Relational coordination: each respondent`,
    `rates every organisation, their own included, on Gittell's 7 dimensions (${RC_DIMENSIONS_TEXT}), columns`,
    `\`RC_<dimension>_<short name>\`. About 1.5% of scale answers and 4% of ratings are missing.`,
    ``,
    `**Delivery.** Weekly: ${DELIVERY_TEXT}. Gaps: ${m.deliveryGaps.map((g) => `${g.metric} in ${g.week} (written \`${g.written || "empty"}\`)`).join(", ")}.`,
    ``,
    `**Events.** ${m.events.map((e) => `"${e.event}" on ${e.date} (${e.week}, ${e.attendees.length} attendees from all five organisations)`).join("; ")}.`,
    ``,
    `**Small groups.** ${m.smallGroups.teamsUnderFive.map((t) => `${t.team} (${t.organisation}) has ${t.people} people`).join("; ") || "no team under five people"}.`,
    `Teams with fewer than 5 respondents in a wave: ${m.smallGroups.teamsUnderFiveRespondents.map((t) => `${t.team} (${t.respondents.join(" / ")})`).join(", ") || "none"}.`,
    ``,
    m.patterns ? plantedSection(m.patterns) : nullSection(),
    ``,
  ];
  return parts.join("\n");
}

const RC_DIMENSIONS_TEXT = "frequent, timely, accurate, problemSolving, sharedGoals, sharedKnowledge, mutualRespect";
const DELIVERY_TEXT =
  "`delayed_discharges` (Northgate Hospital, lower is better), `referral_response_days` (Riverside Community Health, lower is better), `care_packages_started` (County Social Care, higher is better)";

function nullSection(): string {
  return [
    `## Planted patterns: none (null model)`,
    ``,
    `Generated with \`--null\`: the same people, ties, turnover, events and survey design as the planted demo, with`,
    `stationary contact rates, no decay, no one-way or collapsing relationship, Harbour ↔ Eastfield ties spread over`,
    `seven people (none of whom leaves), no survey drop, no coordination asymmetry (Northgate Hospital rates County`,
    `Social Care about 3.9), a forum that builds no ties, and delayed discharges unrelated to contact. Checks run on it`,
    `measure their false-positive rate.`,
  ].join("\n");
}

function plantedSection(p: NonNullable<Manifest["patterns"]>): string {
  const f = (x: number) => x.toFixed(2);
  const firstLast = (xs: number[]) =>
    `${f(avg(xs.slice(0, 6)))} rows/week in the first six weeks, ${f(avg(xs.slice(-6)))} in the last six`;
  const spannerAfter = p.loneSpanner.weeklyRows.slice(-6);
  return [
    `## Planted patterns`,
    ``,
    `Each is absent with \`--null\`. Week labels are ISO weeks; "contact" counts interaction rows in both directions.`,
    ``,
    `1. **Decaying cross-boundary link** (practice 5). ${p.decayingLink.groups.join(" ↔ ")}: from ${p.decayingLink.firstWeek} each`,
    `   contact survives with a probability falling geometrically to ${p.decayingLink.keptShareByWeek.at(-1)} in the last week.`,
    `   Measured: ${firstLast(p.decayingLink.weeklyRows)}. Weekly rows: ${p.decayingLink.weeklyRows.join(", ")}.`,
    `2. **Lone boundary spanner who leaves** (practice 3, 5). ${p.loneSpanner.person} (${p.loneSpanner.team},`,
    `   ${p.loneSpanner.organisation}) holds ${p.loneSpanner.spannerPartners.length} of the ${p.loneSpanner.spannerPartners.length + p.loneSpanner.otherTies.length}`,
    `   ${p.loneSpanner.link.join(" ↔ ")} ties (partners ${list(p.loneSpanner.spannerPartners)}); the only other is a weak tie`,
    `   ${p.loneSpanner.otherTies.map((t) => t.join(" – ")).join(", ")}. ${p.loneSpanner.person} has \`left\` = ${p.loneSpanner.left}`,
    `   (${p.loneSpanner.leftWeek}) and no rows after it. Weekly Harbour ↔ Eastfield rows: ${p.loneSpanner.weeklyRows.join(", ")}`,
    `   (last six weeks: ${spannerAfter.join(", ")}).`,
    `3. **One-way relationship** (practice 1). ${p.oneWay.from} → ${p.oneWay.to}: ${Math.round(p.oneWay.initiatedShare * 100)}% of contacts on every`,
    `   tie between them start on the Riverside side: ${p.oneWay.rows.forward} rows Riverside → Eastfield, ${p.oneWay.rows.back} back.`,
    `   **Reciprocity collapse** (practice 5): ${p.reciprocityCollapse.groups.join(" ↔ ")}; from ${p.reciprocityCollapse.firstWeek}`,
    `   ${p.reciprocityCollapse.silentSide} stops answering (only ${p.reciprocityCollapse.keptShare * 100}% of its contacts to the hospital`,
    `   remain) while hospital → community contact carries on. Weekly hospital → community rows:`,
    `   ${p.reciprocityCollapse.weeklyRows.hospitalToCommunity.join(", ")}; community → hospital: ${p.reciprocityCollapse.weeklyRows.communityToHospital.join(", ")}.`,
    `4. **Psychological safety falls in one team** (practice 5). ${p.psychologicalSafetyDrop.team} (${p.psychologicalSafetyDrop.organisation}):`,
    `   latent mean lowered by ${p.psychologicalSafetyDrop.plantedDrop} point (1–7) in wave ${p.psychologicalSafetyDrop.waves[1]}. Measured team mean`,
    `   ${p.psychologicalSafetyDrop.means.join(" → ")} with ${p.psychologicalSafetyDrop.respondents.join(" / ")} respondents; the largest change in any`,
    `   other team with ≥ 5 respondents in both waves is ${p.psychologicalSafetyDrop.largestOtherChange}.`,
    `5. **Relational coordination asymmetry** (practice 1). ${p.coordinationAsymmetry.rater} rates ${p.coordinationAsymmetry.rated} around`,
    `   ${p.coordinationAsymmetry.plantedMean} (measured ${p.coordinationAsymmetry.means.hospitalRatesSocialCare}, all dimensions, both waves) while`,
    `   ${p.coordinationAsymmetry.rated} rates the hospital ${p.coordinationAsymmetry.means.socialCareRatesHospital}.`,
    `6. **A forum that builds ties, a briefing that builds none** (practice 2, 7). "${p.forum.event}" on ${p.forum.date} (${p.forum.week}):`,
    `   ${p.forum.attendees.length} attendees; from ${p.forum.tiesFrom} ${p.forum.newTies.length} new ties start between attendees of different`,
    `   organisations who had no tie before (never Harbour ↔ Eastfield, which stays the spanner's). "${p.briefing.event}" on`,
    `   ${p.briefing.date} (${p.briefing.week}): ${p.briefing.attendees.length} attendees, no new ties. Pairs are listed in \`planted.json\`.`,
    `7. **Relational series leads delivery** (practice 8). \`${p.leadingIndicator.metric}\` in week t rises with the fall in`,
    `   ${p.leadingIndicator.relational} in week t − ${p.leadingIndicator.lagWeeks} (week to week, not only in trend); it starts rising`,
    `   in ${p.leadingIndicator.firstRisingWeek}. Mean ${p.leadingIndicator.means.beforeDecay} before the decay, ${p.leadingIndicator.means.lastSixWeeks} in the last six weeks.`,
    `8. **Small groups** for suppression: see "Small groups" above (present in both modes).`,
  ].join("\n");
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
