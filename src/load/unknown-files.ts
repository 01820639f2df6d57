// Tables in the input folder under names relaudit does not read (p2p_data.csv, "export (3).csv"). A new user's first
// run is often a folder of exports as the tools named them: each one is named, with the option that would read it
// when its header says what it holds, instead of a bare "no input files found".
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../model/problems.js";
import { ANNOTATION_COLUMNS } from "./annotations.js";
import { resolveColumns, type ColumnSpec } from "./columns.js";
import type { Config, InputKind } from "../model/config.js";
import { COORDINATION_COLUMNS } from "./coordination.js";
import { DELIVERY_COLUMNS } from "./delivery.js";
import { EVENT_COLUMNS } from "./events.js";
import { INTERACTION_COLUMNS } from "./interactions.js";
import { PEOPLE_COLUMNS } from "./people.js";

const TABLE = /\.(csv|tsv|txt)$/i;
/** Enough of a file for its header row. */
const HEADER_BYTES = 64 * 1024;

/** Most specific first: an interactions file has ids too, an events file has dates too. */
const SIGNATURES: [InputKind, Record<string, ColumnSpec>][] = [
  ["interactions", INTERACTION_COLUMNS],
  ["coordination", COORDINATION_COLUMNS],
  ["delivery", DELIVERY_COLUMNS],
  ["events", EVENT_COLUMNS],
  ["annotations", ANNOTATION_COLUMNS],
  ["people", PEOPLE_COLUMNS],
];

export interface UnknownTable {
  name: string;
  /** The input its header looks like, when it looks like one (survey: it holds the config's item columns). */
  looksLike: InputKind | null;
}

/** Tables in `dir` (none without one) that are not among the `known` paths, each with what its header looks like. */
export function unknownTables(dir: string | undefined, known: (string | undefined)[], config: Config): UnknownTable[] {
  if (!dir) return [];
  const taken = new Set(known);
  const surveyItems = Object.values(config.scales).flatMap((scale) => scale.items);
  return readdirSync(dir)
    .filter((name) => TABLE.test(name) && !taken.has(join(dir, name)))
    .sort()
    .map((name) => ({ name, looksLike: guessKind(headerOf(join(dir, name)), surveyItems) }));
}

/** At least one input file, or an error naming the tables found under other names and the option for each. */
export function requireSomeInput(
  paths: Partial<Record<InputKind, string>>,
  dir: string | undefined,
  others: UnknownTable[],
): void {
  const kinds = ["people", "interactions", "survey", "coordination", "delivery", "events"] as const;
  if (kinds.some((k) => paths[k])) return;
  throw new InputError({
    file: dir,
    message: "no input files found",
    expected: "at least one of people.csv, interactions.csv, survey.csv, delivery.csv, events.csv",
    hint:
      unknownTablesHint(others) ??
      "pass a folder holding them, or name files with --people, --interactions, --survey, --delivery, --events (relaudit init writes templates)",
  });
}

/** "found p2p_data.csv: pass it with --interactions?" for each table, or null when there is none. */
export function unknownTablesHint(tables: UnknownTable[]): string | null {
  if (tables.length === 0) return null;
  return tables
    .map((t) => `found ${t.name}: ${t.looksLike ? `pass it with --${t.looksLike}?` : "its columns match no input"}`)
    .join("; ");
}

function guessKind(header: string[] | null, surveyItems: readonly string[]): InputKind | null {
  if (!header) return null;
  // A Viva Insights person query has a PersonId per row, but one row per person and week: not a people file.
  const weekly = header.some((h) => h.toLowerCase() === "metricdate");
  for (const [kind, specs] of SIGNATURES) {
    if (kind === "people" && weekly) continue;
    try {
      resolveColumns(header, specs, "");
      return kind;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  const columns = new Set(header.map((h) => h.toLowerCase()));
  return surveyItems.length > 0 && surveyItems.some((item) => columns.has(item.toLowerCase())) ? "survey" : null;
}

/** The first line split on the commonest of the usual delimiters; null when the file cannot be read as text. */
function headerOf(path: string): string[] | null {
  let text: string;
  try {
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      text = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  if (line.includes("\u0000")) return null;
  const delimiter = [",", ";", "\t", "|"].reduce((best, d) =>
    line.split(d).length > line.split(best).length ? d : best,
  );
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
}
