// The signals report is described in schema/report.schema.json ($defs/signalsReport), beside the Report it projects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { goldenDemo } from "../helpers/demo.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
addFormats.default(ajv);
ajv.addSchema(schema);
const validate = ajv.compile({ $ref: `${schema.$id}#/$defs/signalsReport` });

describe("the signals report's schema", () => {
  it("validates the demo's signals JSON, and refuses a report of another kind", () => {
    // The golden copy of `signals fixtures/demo --format json`, which golden.test.ts proves is what the CLI prints.
    const { code, stdout } = goldenDemo("signals", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.signals.length).toBeGreaterThan(0);
    expect(validate({ ...report, kind: "relaudit-audit" })).toBe(false);
  });
});
