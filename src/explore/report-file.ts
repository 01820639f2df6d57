// A report folder written by `audit --out` can be explored without auditing again: its report.json is read back.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../model/problems.js";
import type { Report } from "../result/types.js";
import { SCHEMA_VERSION } from "../result/types.js";
import { checkedReport } from "../load/report-json.js";

/** The report.json in `dir`, or null when `dir` is not a report folder (then it is a folder of inputs). */
export function reportFileIn(dir: string): string | null {
  const file = join(dir, "report.json");
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export async function readReportFile(file: string): Promise<Report> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError({
      file,
      message: "report.json is not valid JSON",
      found: error instanceof Error ? error.message : String(error),
      hint: "write it again with relaudit audit --out",
    });
  }
  const report = parsed as Partial<Report> | null;
  const major = (v: string) => v.split(".")[0];
  if (
    !report ||
    report.tool?.name !== "relaudit" ||
    typeof report.schemaVersion !== "string" ||
    !Array.isArray(report.checks)
  ) {
    throw new InputError({
      file,
      message: "this is not a relaudit report",
      hint: "point explore at a folder written by relaudit audit --out, or at a folder of inputs",
    });
  }
  if (major(report.schemaVersion) !== major(SCHEMA_VERSION)) {
    throw new InputError({
      file,
      message: "the report was written by an incompatible version of relaudit",
      expected: `schema ${SCHEMA_VERSION}`,
      found: `schema ${report.schemaVersion}`,
      hint: "run relaudit audit --out again",
    });
  }
  // The whole file against the schema: a stub that passes the checks above would crash the explorer later.
  return checkedReport(parsed, file);
}
