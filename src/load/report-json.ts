// Reports read back: `signals --previous report.json` and `explore` on a report folder. A file that is not what it
// claims (hand-edited, truncated, another tool's, or hostile: 200,000 nested arrays) is refused with exit 2 and the
// JSON path of the first bad field, checked against schema/report.schema.json before any of it is used.
import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import schema from "../../schema/report.schema.json" with { type: "json" };
import { InputError } from "../model/problems.js";
import type { Report } from "../result/types.js";
import type { Signal } from "../result/signals.js";

/** What `--previous` needs: signals as the schema describes them, with the words a resolved signal is shown with. */
const PREVIOUS = {
  type: "object",
  required: ["signals"],
  properties: {
    signals: {
      type: "array",
      items: {
        allOf: [
          { $ref: "report.schema.json#/$defs/signal" },
          {
            type: "object",
            required: ["rule", "message"],
            properties: { rule: { type: "string" }, message: { type: "string" }, series: { type: "string" } },
          },
        ],
      },
    },
  },
};

let validators: { report: ValidateFunction; previous: ValidateFunction } | null = null;

async function compiled() {
  if (validators) return validators;
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: addFormats } = await import("ajv-formats");
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  (addFormats as unknown as (a: typeof ajv) => void)(ajv);
  ajv.addSchema(schema, "report.schema.json");
  validators = { report: ajv.getSchema("report.schema.json")!, previous: ajv.compile(PREVIOUS) };
  return validators;
}

/** "/signals/0/subject/groups" → "$.signals[0].subject.groups" */
function jsonPath(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return `$${parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("")}`;
}

function describe(error: ErrorObject): string {
  const missing =
    error.keyword === "required" ? `.${(error.params as { missingProperty: string }).missingProperty}` : "";
  return `${jsonPath(error.instancePath)}${missing}`;
}

function parse(file: string, option: string | undefined, hint: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError({
      file,
      option,
      message: "not a JSON report",
      found: error instanceof Error ? error.message : String(error),
      hint,
    });
  }
}

function refuse(file: string, option: string | undefined, what: string, error: ErrorObject, hint: string): never {
  throw new InputError({
    file,
    option,
    message: `${what}: ${describe(error)} is not as a relaudit report has it`,
    expected: error.keyword === "required" ? "the field to be present" : `a value that ${error.message}`,
    found: error.keyword === "required" ? "no such field" : undefined,
    hint,
  });
}

const PREVIOUS_HINT = "pass a report.json written by relaudit signals --format json or --out (or by relaudit audit)";

/**
 * The signals of a previous signals or audit report, checked, with nothing but the fields a signal has; and its as-of
 * day when it is a signals report (it is named by that day).
 */
export async function readPreviousSignals(file: string): Promise<{ signals: Signal[]; asOf: string | null }> {
  const json = parse(file, "--previous", PREVIOUS_HINT);
  const { previous } = await compiled();
  if (!previous(json))
    refuse(file, "--previous", "not a previous report relaudit can compare with", previous.errors![0], PREVIOUS_HINT);
  const { signals, asOf } = json as { signals: Signal[]; asOf?: unknown };
  return {
    signals: signals.map(signalFields),
    asOf: typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
  };
}

/** A copy with the known fields only: whatever else a file carries is not copied into the new report. */
function signalFields(s: Signal): Signal {
  const copy: Signal = {
    id: s.id,
    kind: s.kind,
    severity: s.severity,
    practice: s.practice,
    subject: s.subject,
    firstPeriod: s.firstPeriod,
    rule: s.rule,
    message: s.message,
    evidence: s.evidence,
    questions: s.questions,
  };
  if (s.series !== undefined) copy.series = s.series;
  if (s.status !== undefined) copy.status = s.status;
  return copy;
}

const REPORT_HINT = "write it again with relaudit audit --out, or point explore at a folder of inputs";

/** A whole audit report read from `file` (already parsed), checked against the schema. */
export async function checkedReport(json: unknown, file: string): Promise<Report> {
  const { report } = await compiled();
  if (!report(json)) refuse(file, undefined, "not a complete relaudit report", report.errors![0], REPORT_HINT);
  return json as Report;
}
