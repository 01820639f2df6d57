// relaudit.config.json: parsed, validated (every problem listed, unknown keys with "did you mean"), typed.
// To add a key: extend `Config` and add one entry to TOP_LEVEL (and a validator if it has structure).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { didYouMean, InputError, type Problem } from "../model/problems.js";
import { isValidTimeZone } from "../model/periods.js";
import { DEFAULT_CONFIG, INPUT_KINDS, type Config } from "../model/config.js";
import { resolveScale, type RawScale } from "../model/presets.js";
import { RC_DIMENSIONS } from "../model/coordination.js";
import { parseDate } from "./values.js";
import { dictFromEntries, own } from "../model/dict.js";

/**
 * The smallest minimum group size allowed. In a group of two, each respondent knows their own answers, so the
 * group's mean gives them the other's exactly; from three on, a member learns only the sum of the others'.
 */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const SMALL_GROUP_HINT =
  "in a group of 2 each respondent can work out the other's answers from the mean; 5 is the usual minimum, 10 for comments";

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
        : // JSON reads 1e400 as Infinity, which JSON.stringify would show as "null".
          `${typeof v} ${typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v)}`;

function expect(problems: Problem[], path: string, expected: string, value: Json, hint?: string): undefined {
  problems.push({ key: path, message: `invalid value for "${path}"`, expected, found: typeName(value), hint });
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
/** ISO calendar dates ("2026-07-01"): checked here, turned into instants once the time zone is known. */
const isoDateList: Validate = (v, path, problems) => {
  const list = stringList(v, path, problems);
  if (!Array.isArray(list)) return list;
  return list.map((item, i) =>
    typeof item === "string" && !parseDate(item, "iso", "UTC").ok
      ? expect(problems, `${path}[${i}]`, "an ISO date such as 2026-07-01", item)
      : item,
  );
};
const numberMap: Validate = (v, path, problems) => {
  if (!isObject(v)) return expect(problems, path, 'an object such as {"Strongly agree": 5}', v);
  return dictFromEntries(Object.entries(v).map(([k, x]) => [k, num(x, `${path}.${k}`, problems)] as const));
};

/** JSON has no comments, so keys starting with "//" or "$comment" are notes for people and ignored. */
const isComment = (key: string) => key.startsWith("//") || key.startsWith("$comment");

function object(keys: Record<string, Validate>, required: string[] = []): Validate {
  return (v, path, problems) => {
    if (!isObject(v)) return expect(problems, path, "an object", v);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v)) {
      if (isComment(key)) continue;
      // Own keys only: "valueOf" or "constructor" must not find Object.prototype's functions.
      const validate = own(keys, key);
      const keyPath = path ? `${path}.${key}` : key;
      if (!validate) {
        const suggestion = didYouMean(key, Object.keys(keys));
        problems.push({
          key: keyPath,
          message: `unknown key "${key}"`,
          expected: `one of ${Object.keys(keys).join(", ")}`,
          hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
        });
        continue;
      }
      out[key] = validate(value, keyPath, problems);
    }
    for (const key of required)
      if (!Object.hasOwn(v, key))
        problems.push({ key: path ? `${path}.${key}` : key, message: `missing required key "${key}"` });
    return out;
  };
}

const mapOf =
  (validate: Validate): Validate =>
  (v, path, problems) => {
    if (!isObject(v)) return expect(problems, path, "an object", v);
    return dictFromEntries(Object.entries(v).map(([k, x]) => [k, validate(x, `${path}.${k}`, problems)] as const));
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
  return dictFromEntries(
    Object.entries(raw).map(([id, s]) => [id, resolveScale(id, s, `${path}.${id}`, problems)] as const),
  );
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
    period: oneOf("day", "week", "month"),
    aggregate: oneOf("mean", "sum"),
    target: num,
    baselinePoints: positiveInt,
    recalculateAt: isoDateList,
  },
  ["better"],
);

const TOP_LEVEL: Record<string, Validate> = {
  $schema: str,
  boundaries: stringList,
  minGroupSize: (v, path, problems) =>
    Number.isInteger(v) && (v as number) >= MIN_GROUP_SIZE_FLOOR
      ? v
      : expect(problems, path, `a whole number ≥ ${MIN_GROUP_SIZE_FLOOR}`, v, SMALL_GROUP_HINT),
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
  spc: object({
    runLength: (v, path, problems) =>
      v === 6 || v === 7
        ? v
        : expect(problems, path, "6 or 7", v, "6 is Making Data Count's shift and trend length; 7 is NHSRplotthedots'"),
  }),
  files: object(Object.fromEntries(INPUT_KINDS.map((k) => [k, str]))),
};

/** Validate parsed JSON; returns the config or throws an InputError listing every problem. */
export function parseConfig(json: Json, source: string | null): Config {
  const problems: Problem[] = [];
  const parsed = object(TOP_LEVEL)(json, "", problems) as Partial<Config> | undefined;
  const file = source ?? "config";
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ ...p, file })));
  // Without a config file, relative paths resolve against the working folder, as on the command line.
  const folder = source ? dirname(source) : ".";
  const files = Object.fromEntries(
    Object.entries(parsed?.files ?? {}).map(([k, p]) => [k, resolve(folder, p as string)]),
  );
  const config: Config = { ...DEFAULT_CONFIG, ...(parsed as Partial<Config>), files, source };
  return { ...config, metrics: datedMetrics(config.metrics, config.timeZone) };
}

/** `recalculateAt` as instants in the config's time zone: analyses never parse dates. */
function datedMetrics(metrics: Config["metrics"], timeZone: string): Config["metrics"] {
  const dated: Config["metrics"] = {};
  for (const [name, m] of Object.entries(metrics)) {
    const raw = m.recalculateAt as unknown as string[] | undefined;
    dated[name] =
      raw === undefined
        ? m
        : {
            ...m,
            recalculateAt: raw.map((d) => parseDate(d, "iso", timeZone)).flatMap((p) => (p.ok ? [p.value] : [])),
          };
  }
  return dated;
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
