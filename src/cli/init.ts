// `relaudit init [DIR]`: a commented example config and header-only CSV templates. Never overwrites.
import { existsSync } from "node:fs";
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
    const written = initFolder(resolve(dir));
    io.stdout.write(
      `Wrote:\n${written.map((f) => `  ${f}`).join("\n")}\nFill in the CSVs (see docs/inputs.md), then run: relaudit validate ${dir}\n`,
    );
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

export const EXAMPLE_CONFIG = {
  "// about": "relaudit configuration. Keys starting with // are comments. Full reference: docs/inputs.md",
  "// boundaries": "people.csv attribute columns to audit across (default: organisation, team, profession)",
  boundaries: ["organisation", "team", "profession"],
  "// minGroupSize": "survey results for smaller groups are never shown, in any format",
  minGroupSize: 5,
  "// dateFormat": "iso, dd/mm/yyyy or mm/dd/yyyy; an ambiguous date is an error, never a guess",
  dateFormat: "iso",
  timeZone: "UTC",
  "// answerLabels": "text answers and the numbers they stand for (case- and space-insensitive)",
  answerLabels: { "Strongly disagree": 1, Disagree: 2, "Neither agree nor disagree": 3, Agree: 4, "Strongly agree": 5 },
  "// scales": "each scale: its item columns, reverse-keyed items and response range",
  scales: {
    psychological_safety: {
      "// note": "Edmondson (1999): 7 items on a 1–7 scale, items 1, 3 and 5 reverse-keyed",
      items: ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "PS7"],
      reverse: ["PS1", "PS3", "PS5"],
      min: 1,
      max: 7,
    },
  },
  "// metrics": "delivery metrics: whether higher or lower is better, optional target",
  metrics: { example_metric: { better: "lower" } },
};

function initFolder(dir: string): string[] {
  const files = { ...TEMPLATES, "relaudit.config.json": `${JSON.stringify(EXAMPLE_CONFIG, null, 2)}\n` };
  const existing = Object.keys(files).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0) {
    throw new InputError(
      existing.map((name) => ({
        file: join(dir, name),
        message: "already exists; relaudit init never overwrites",
        hint: "choose an empty folder, or move the file away first",
      })),
    );
  }
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(dir, name), content);
  return Object.keys(files).map((name) => join(dir, name));
}
