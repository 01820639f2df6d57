// `relaudit init [DIR]`: a commented example config and header-only CSV templates. Never overwrites: in a folder
// that already holds some of them, it writes the missing ones and names those it left.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../model/problems.js";
import { writeFileAtomic } from "./atomic.js";
import { EXIT, type CliCommand } from "./command.js";

export const initCommand: CliCommand<object> = {
  define: (program) =>
    program
      .command("init")
      .description("write an example relaudit.config.json and header-only CSV templates (never overwrites)")
      .argument("[dir]", "folder to write into", "."),
  async run(dir = ".", _flags, io) {
    io.stdout.write(initSummary(dir, initFolder(resolve(dir))));
    return EXIT.ok;
  },
};

export const TEMPLATES: Record<string, string> = {
  "people.csv": "id,organisation,team,profession,role,joined,left\n",
  "interactions.csv": "from,to,timestamp,channel,weight,duration_minutes\n",
  "survey.csv": "respondent,wave,organisation,team,profession,PS1,PS2,PS3,PS4,PS5,PS6,PS7\n",
  "delivery.csv": "metric,date,value,organisation\n",
  "events.csv": "event,date,person\n",
};

/** The 7-point agreement scale of Edmondson's items, as survey tools label it: each label to its number, 1–7. */
const AGREEMENT_7 = {
  "Strongly disagree": 1,
  Disagree: 2,
  "Somewhat disagree": 3,
  "Neither agree nor disagree": 4,
  "Somewhat agree": 5,
  Agree: 6,
  "Strongly agree": 7,
};

export const EXAMPLE_CONFIG = {
  "// about": "relaudit configuration. Keys starting with // are comments. Full reference: docs/inputs.md",
  "// boundaries": "people.csv attribute columns to audit across (default: organisation, team, profession)",
  boundaries: ["organisation", "team", "profession"],
  "// minGroupSize": "survey results for smaller groups are never shown, in any format",
  minGroupSize: 5,
  "// dateFormat": "iso, dd/mm/yyyy or mm/dd/yyyy; an ambiguous date is an error, never a guess",
  dateFormat: "iso",
  timeZone: "UTC",
  "// answerLabels":
    "text answers shared by every scale and the numbers they stand for (case- and space-insensitive); a scale's own answerLabels come first",
  answerLabels: {},
  "// scales": "each scale: its item columns, reverse-keyed items, response range and the labels of that range",
  scales: {
    psychological_safety: {
      "// note":
        "Edmondson (1999): 7 items answered on a 7-point agreement scale, items 1, 3 and 5 reverse-keyed (scored 8 − answer). The labels span the whole 1–7 range: a 5-point export needs min 1, max 5 and five labels",
      preset: "edmondson-psychological-safety",
      items: ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "PS7"],
      reverse: ["PS1", "PS3", "PS5"],
      min: 1,
      max: 7,
      answerLabels: AGREEMENT_7,
    },
  },
  "// metrics":
    "delivery metrics: whether higher or lower is better; optional target, period (day, week or month: else from the dates) and aggregate (mean for rates, sum for counts)",
  metrics: { example_metric: { better: "lower" } },
};

/** The files init writes, by name. */
function initFiles(): Record<string, string> {
  return { ...TEMPLATES, "relaudit.config.json": `${JSON.stringify(EXAMPLE_CONFIG, null, 2)}\n` };
}

/**
 * Writes each template that is not in `dir` yet and leaves every existing file as it is: a folder that already holds
 * an export (or an earlier init) gets the missing pieces. Returns the paths written and the paths left alone.
 */
function initFolder(dir: string): { written: string[]; kept: string[] } {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InputError({ file: dir, message: "is a file, not a folder", hint: "name a folder for the templates" });
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const [name, content] of Object.entries(initFiles())) {
    const path = join(dir, name);
    if (existsSync(path)) kept.push(path);
    else {
      writeFileAtomic(path, content);
      written.push(path);
    }
  }
  return { written, kept };
}

/** What init tells the user: what it wrote, what it left, and what to do next. */
function initSummary(dir: string, { written, kept }: { written: string[]; kept: string[] }): string {
  const lines: string[] = [];
  if (written.length > 0) lines.push("Wrote:", ...written.map((f) => `  ${f}`));
  if (kept.length > 0)
    lines.push(
      `Left as ${kept.length === 1 ? "it was" : "they were"} (init never overwrites):`,
      ...kept.map((f) => `  ${f}`),
    );
  if (written.length === 0) lines.push("Nothing to write: every template is already there.");
  lines.push(`Fill in the CSVs (see docs/inputs.md), then run: relaudit validate ${dir}`);
  return `${lines.join("\n")}\n`;
}
