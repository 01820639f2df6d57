// relaudit.config.json: parsed, validated (every problem listed, unknown keys with "did you mean"), typed.
// To add a key: extend `Config` and add one entry to TOP_LEVEL (and a validator if it has structure).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { didYouMean, InputError, type Problem } from "../errors.js";
import { isValidTimeZone, type PeriodKind } from "../model/periods.js";
import { RC_DIMENSIONS, resolveScale, type RawScale, type RcDimension } from "../survey/presets.js";

export type DateFormat = "iso" | "dd/mm/yyyy" | "mm/dd/yyyy";

export interface ScaleConfig {
  /** A named preset (e.g. "edmondson-psychological-safety"); explicit keys override the preset's. */
  preset?: string;
  label?: string;
  items: string[];
  reverse: string[];
  min: number;
  max: number;
  /** Optional interpretation bands, e.g. {"low": 3.5, "high": 5}: scores below `low` are low, at or above `high` high. */
  bands?: { low?: number; high?: number };
  /** Label → number for this scale's items (case- and whitespace-insensitive), over the global `answerLabels`. */
  answerLabels?: Record<string, number>;
  /** Minimum share of items answered for a person score (default 0.5). */
  minAnswered?: number;
  /** A relational leadership scale (practice 6); when absent, inferred from "leadership" in the id or label. */
  leadership?: boolean;
}

/** Relational coordination: who rates (a survey group column) and, for a wide export, which column rates whom on what. */
export interface CoordinationConfig {
  raterAttribute: string;
  min?: number;
  max?: number;
  /** Wide export: column → the group it rates and the RC dimension it measures. */
  columns?: Record<string, { rated: string; dimension: RcDimension }>;
  /** Band limits (a research convention): weak < weak ≤ moderate ≤ strong < strong. Default 3.5 and 4.0. */
  bands?: { weak?: number; strong?: number };
  /** Difference in scale points from which A→B vs B→A is called asymmetric (default 0.5). */
  asymmetryThreshold?: number;
  /** Label → number for the RC columns, over the global `answerLabels`. */
  answerLabels?: Record<string, number>;
  /** Per-dimension label maps, for items whose answers are not monotone (e.g. "too often" on the frequency item). */
  dimensionLabels?: Partial<Record<RcDimension, Record<string, number>>>;
}

export interface MetricConfig {
  better: "higher" | "lower" | "neither";
  target?: number;
  baselinePoints?: number;
  recalculateAt?: string[];
}

export interface Config {
  /** Absolute path of the config file, or null for defaults. Relative paths in the config resolve against its folder. */
  source: string | null;
  boundaries?: string[];
  minGroupSize: number;
  dateFormat: DateFormat;
  timeZone: string;
  period?: PeriodKind;
  undirected?: boolean;
  answerLabels: Record<string, number>;
  scales: Record<string, ScaleConfig>;
  /** Relational coordination mapping (see docs/inputs.md). */
  coordination?: CoordinationConfig;
  metrics: Record<string, MetricConfig>;
  /** Input file paths (resolved against the config's folder). */
  files: Partial<Record<InputKind, string>>;
}

export type InputKind = "people" | "interactions" | "survey" | "coordination" | "delivery" | "events" | "annotations";
export const INPUT_KINDS: readonly InputKind[] = [
  "people",
  "interactions",
  "survey",
  "coordination",
  "delivery",
  "events",
  "annotations",
];

export const DEFAULT_CONFIG: Config = {
  source: null,
  minGroupSize: 5,
  dateFormat: "iso",
  timeZone: "UTC",
  answerLabels: {},
  scales: {},
  metrics: {},
  files: {},
};

type Json = unknown;
type Validate = (value: Json, path: string, problems: Problem[]) => unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const typeName = (v: Json) =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "an array"
      : typeof v === "object"
        ? "an object"
        : `${typeof v} ${JSON.stringify(v)}`;

function expect(problems: Problem[], path: string, expected: string, value: Json, hint?: string): undefined {
  problems.push({ column: path, message: `invalid value for "${path}"`, expected, found: typeName(value), hint });
  return undefined;
}

const str: Validate = (v, path, problems) =>
  typeof v === "string" && v.trim() !== "" ? v : expect(problems, path, "a non-empty string", v);
const bool: Validate = (v, path, problems) => (typeof v === "boolean" ? v : expect(problems, path, "true or false", v));
const num: Validate = (v, path, problems) =>
  typeof v === "number" && Number.isFinite(v) ? v : expect(problems, path, "a number", v);
const positiveInt: Validate = (v, path, problems) =>
  Number.isInteger(v) && (v as number) >= 1 ? v : expect(problems, path, "a whole number ≥ 1", v);
const oneOf =
  (...options: string[]): Validate =>
  (v, path, problems) =>
    typeof v === "string" && options.includes(v)
      ? v
      : expect(problems, path, `one of ${options.map((o) => `"${o}"`).join(", ")}`, v);
const stringList: Validate = (v, path, problems) => {
  if (!Array.isArray(v)) return expect(problems, path, "a list of strings", v);
  return v.map((item, i) => str(item, `${path}[${i}]`, problems));
};
const numberMap: Validate = (v, path, problems) => {
  if (!isObject(v)) return expect(problems, path, 'an object such as {"Strongly agree": 5}', v);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, num(x, `${path}.${k}`, problems)]));
};

/** JSON has no comments, so keys starting with "//" or "$comment" are notes for people and ignored. */
const isComment = (key: string) => key.startsWith("//") || key.startsWith("$comment");

function object(keys: Record<string, Validate>, required: string[] = []): Validate {
  return (v, path, problems) => {
    if (!isObject(v)) return expect(problems, path, "an object", v);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v)) {
      if (isComment(key)) continue;
      const validate = keys[key];
      const keyPath = path ? `${path}.${key}` : key;
      if (!validate) {
        const suggestion = didYouMean(key, Object.keys(keys));
        problems.push({
          column: keyPath,
          message: `unknown key "${key}"`,
          expected: `one of ${Object.keys(keys).join(", ")}`,
          hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
        });
        continue;
      }
      out[key] = validate(value, keyPath, problems);
    }
    for (const key of required)
      if (!(key in v))
        problems.push({ column: path ? `${path}.${key}` : key, message: `missing required key "${key}"` });
    return out;
  };
}

const mapOf =
  (validate: Validate): Validate =>
  (v, path, problems) => {
    if (!isObject(v)) return expect(problems, path, "an object", v);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, validate(x, `${path}.${k}`, problems)]));
  };

const scale = object({
  preset: str,
  label: str,
  items: stringList,
  reverse: stringList,
  min: num,
  max: num,
  bands: object({ low: num, high: num }),
  answerLabels: numberMap,
  minAnswered: (v, path, problems) =>
    typeof v === "number" && v > 0 && v <= 1 ? v : expect(problems, path, "a share between 0 (exclusive) and 1", v),
  leadership: bool,
});

/** Key-by-key validation, then presets, defaults and cross-checks (src/survey/presets.ts). */
const scales: Validate = (v, path, problems) => {
  const raw = mapOf(scale)(v, path, problems) as Record<string, RawScale> | undefined;
  if (!raw) return undefined;
  return Object.fromEntries(Object.entries(raw).map(([id, s]) => [id, resolveScale(id, s, `${path}.${id}`, problems)]));
};

const coordination = object(
  {
    raterAttribute: str,
    min: num,
    max: num,
    columns: mapOf(object({ rated: str, dimension: oneOf(...RC_DIMENSIONS) }, ["rated", "dimension"])),
    bands: object({ weak: num, strong: num }),
    asymmetryThreshold: (v, path, problems) =>
      typeof v === "number" && v > 0 ? v : expect(problems, path, "a positive number of scale points", v),
    answerLabels: numberMap,
    dimensionLabels: object(Object.fromEntries(RC_DIMENSIONS.map((d) => [d, numberMap]))),
  },
  ["raterAttribute"],
);

const metric = object(
  {
    better: oneOf("higher", "lower", "neither"),
    target: num,
    baselinePoints: positiveInt,
    recalculateAt: stringList,
  },
  ["better"],
);

const TOP_LEVEL: Record<string, Validate> = {
  $schema: str,
  boundaries: stringList,
  minGroupSize: (v, path, problems) =>
    Number.isInteger(v) && (v as number) >= 2
      ? v
      : expect(problems, path, "a whole number ≥ 2", v, "5 is the usual minimum; 10 for comments"),
  dateFormat: oneOf("iso", "dd/mm/yyyy", "mm/dd/yyyy"),
  timeZone: (v, path, problems) =>
    typeof v === "string" && isValidTimeZone(v)
      ? v
      : expect(problems, path, 'an IANA time zone such as "Europe/London"', v),
  period: oneOf("week", "month"),
  undirected: bool,
  answerLabels: numberMap,
  scales,
  coordination,
  metrics: mapOf(metric),
  files: object(Object.fromEntries(INPUT_KINDS.map((k) => [k, str]))),
};

/** Validate parsed JSON; returns the config or throws an InputError listing every problem. */
export function parseConfig(json: Json, source: string | null): Config {
  const problems: Problem[] = [];
  const parsed = object(TOP_LEVEL)(json, "", problems) as Partial<Config> | undefined;
  const file = source ?? "config";
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ ...p, file })));
  const folder = source ? dirname(source) : process.cwd();
  const files = Object.fromEntries(
    Object.entries(parsed?.files ?? {}).map(([k, p]) => [k, resolve(folder, p as string)]),
  );
  return { ...DEFAULT_CONFIG, ...parsed, files, source };
}

export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    throw new InputError({ file: path, message: "cannot read the config file", found: (error as Error).message });
  }
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const { line, column } = position
      ? lineAndColumn(text, Number(position[1]))
      : { line: undefined, column: undefined };
    throw new InputError({
      file: path,
      line,
      column,
      message: "the config is not valid JSON",
      found: message,
      hint: "check for trailing commas and unquoted keys",
    });
  }
  return parseConfig(json, resolve(path));
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
