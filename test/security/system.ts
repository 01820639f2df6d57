// A small seeded health & care system written as relaudit input files, for the security and determinism tests.
// Person ids, respondent ids and comments are distinctive tokens (u12zq, r12zq, c12zq) so tests can search every
// output for them; labels can be replaced to inject hostile text. Its shape gives every person-level output
// something to list: a lone spanner (an articulation point and key carrier), pendant people (bridges), a leaver.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SystemOptions {
  seed?: number;
  people?: number;
  interactionsPerPerson?: number;
  /** Rewrites each organisation, team and profession label (e.g. to inject Markdown or formulas). */
  label?: (label: string) => string;
  /** The person id of person i. */
  id?: (i: number) => string;
}

export interface System {
  personIds: string[];
  respondentIds: string[];
  comments: string[];
  /** The survey team too small to be shown (3 respondents), and its true scale mean (each wave). */
  hiddenTeam: string;
  hiddenTeamMean: number;
  organisations: string[];
  teams: string[];
}

/** The product's seeded generator (mulberry32), under the name these tests use. */
import { seededRandom as mulberry32 } from "../../src/network/random.js";

export { mulberry32 };

/** RFC 4180 quoting: every field quoted, so hostile labels (commas, quotes, newlines) stay one field. */
const csvLine = (fields: (string | number)[]) => fields.map((f) => `"${String(f).replace(/"/g, '""')}"`).join(",");

const ORGANISATIONS = ["Northgate Hospital", "Riverside Community Health", "County Social Care", "Valley Primary Care"];
const PROFESSIONS = ["Nurse", "Doctor", "Social worker", "Therapist", "Administrator"];
const CHANNELS = ["email", "meeting", "1:1", "phone", "referral"];
const START = Date.UTC(2026, 0, 5);
const WEEK = 7 * 86_400_000;
const HIDDEN_TEAM_ANSWERS = [1, 1, 2, 1, 1, 1]; // three respondents × two items: mean 7/6

export function writeSystem(dir: string, options: SystemOptions = {}): System {
  const random = mulberry32(options.seed ?? 1);
  const n = options.people ?? 60;
  const label = options.label ?? ((l: string) => l);
  const id = options.id ?? ((i: number) => `u${i}zq`);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  mkdirSync(dir, { recursive: true });

  const organisations = ORGANISATIONS.map(label);
  const teams = ORGANISATIONS.flatMap((o) => [`${o} team A`, `${o} team B`]).map(label);
  const orgOf = (i: number) => i % 4;
  const teamOf = (i: number) => orgOf(i) * 2 + (Math.floor(i / 4) % 2);
  const personIds = Array.from({ length: n }, (_, i) => id(i));

  const people = [csvLine(["id", "organisation", "team", "profession", "joined", "left"])];
  for (let i = 0; i < n; i++) {
    const left = i === 2 ? "2026-05-29" : "";
    people.push(
      csvLine([personIds[i], organisations[orgOf(i)], teams[teamOf(i)], label(pick(PROFESSIONS)), "2024-01-01", left]),
    );
  }
  writeFileSync(join(dir, "people.csv"), `${people.join("\n")}\n`);

  // Ties mostly inside each organisation; person 2 (who leaves) is the only link between the last two
  // organisations; persons n−1 and n−2 hang on one tie each (bridges).
  const interactions = [csvLine(["from", "to", "timestamp", "channel", "weight"])];
  const per = options.interactionsPerPerson ?? 20;
  const core = n - 2;
  const row = (a: number, b: number) => {
    const at = new Date(START + Math.floor(random() * 26 * WEEK)).toISOString();
    interactions.push(csvLine([personIds[a], personIds[b], at, pick(CHANNELS), 1 + Math.floor(random() * 3)]));
  };
  for (let a = 0; a < core; a++) {
    for (let k = 0; k < per; k++) {
      let b = Math.floor(random() * core);
      if (random() >= 0.2) b = b - orgOf(b) + orgOf(a);
      if (b >= core) b -= 4;
      if (b === a || (orgOf(a) !== orgOf(b) && (orgOf(a) === 3 || orgOf(b) === 3))) continue;
      row(a, b);
    }
  }
  for (let k = 0; k < 10; k++) row(2, 3 + 4 * k); // 3, 7, 11, …: organisation 3
  row(n - 1, 0);
  row(1, n - 2);
  writeFileSync(join(dir, "interactions.csv"), `${interactions.join("\n")}\n`);

  // Two waves; everyone answers except in the hidden team, where three people answer with distinctive values.
  const hiddenTeam = teams[7];
  const survey = [csvLine(["respondent", "wave", "organisation", "team", "comments", "PS1", "PS2"])];
  const respondentIds: string[] = [];
  const comments: string[] = [];
  for (const wave of ["2026-02", "2026-06"]) {
    for (let i = 0; i < n; i++) {
      if (teamOf(i) === 7) continue;
      const r = `r${respondentIds.length}zq`;
      const c = `c${comments.length}zq private remark`;
      respondentIds.push(r);
      comments.push(c);
      survey.push(
        csvLine([
          r,
          wave,
          organisations[orgOf(i)],
          teams[teamOf(i)],
          c,
          4 + Math.floor(random() * 4),
          3 + Math.floor(random() * 5),
        ]),
      );
    }
    for (let j = 0; j < 3; j++) {
      const r = `r${respondentIds.length}zq`;
      respondentIds.push(r);
      survey.push(
        csvLine([
          r,
          wave,
          organisations[3],
          hiddenTeam,
          "",
          HIDDEN_TEAM_ANSWERS[2 * j],
          HIDDEN_TEAM_ANSWERS[2 * j + 1],
        ]),
      );
    }
  }
  writeFileSync(join(dir, "survey.csv"), `${survey.join("\n")}\n`);

  const events = [csvLine(["event", "date", "person"])];
  for (let i = 0; i < 16; i++) events.push(csvLine([label("System forum"), "2026-03-04", personIds[i]]));
  writeFileSync(join(dir, "events.csv"), `${events.join("\n")}\n`);

  const delivery = [csvLine(["metric", "date", "value", "organisation"])];
  for (let w = 0; w < 26; w++) {
    const week = new Date(START + w * WEEK).toISOString().slice(0, 10);
    delivery.push(csvLine([label("delayed discharges"), week, 20 + Math.floor(random() * 10), organisations[0]]));
  }
  writeFileSync(join(dir, "delivery.csv"), `${delivery.join("\n")}\n`);

  const config = {
    scales: { safety: { label: label("Psychological safety"), items: ["PS1", "PS2"], min: 1, max: 7 } },
    metrics: { [label("delayed discharges")]: { better: "lower" } },
  };
  writeFileSync(join(dir, "relaudit.config.json"), `${JSON.stringify(config, null, 2)}\n`);
  return { personIds, respondentIds, comments, hiddenTeam, hiddenTeamMean: 7 / 6, organisations, teams };
}
