// interactions.csv → ties, collapsed while streaming: memory grows with distinct people, ties and periods, not rows.
// Viva Insights person-to-person exports carry people's attributes inline; they stand in for people.csv.
import type { InteractionData, PeopleData } from "../model/types.js";
import { readsBytes, type LineReader } from "./csv.js";
import { readTable } from "./table.js";
import { TextTable } from "./text-table.js";
import { InteractionCollector, type Snapshot } from "./interaction-collector.js";
import type { Accept } from "./interaction-tally.js";
import { resolveColumns } from "./columns.js";
import { plainBytesReader } from "./interactions-bytes.js";
import type { LoadContext } from "./context.js";
import type { CsvFileInfo } from "./csv-types.js";
import { InteractionsSplit } from "./interactions-split.js";
import type { RangePart, RangeSetup } from "./interactions-range.js";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { isMissing, parseDate, parseNumber, plainDateAt, wholeNumberAt } from "./values.js";

export const INTERACTION_COLUMNS = {
  from: {
    aliases: ["from", "source", "sender", "PrimaryCollaborator_PersonId"],
    required: true,
    description: "who started the interaction",
  },
  to: {
    aliases: ["to", "target", "recipient", "SecondaryCollaborator_PersonId"],
    required: true,
    description: "who it was with",
  },
  timestamp: { aliases: ["timestamp", "date", "MetricDate", "time", "datetime"], description: "when it happened" },
  channel: { aliases: ["channel", "type", "medium"], description: "how (email, meeting, 1:1, ...)" },
  weight: { aliases: ["weight", "count", "interactions"], description: "how many interactions the row stands for" },
  duration: { aliases: ["duration_minutes", "duration", "minutes"], description: "minutes spent" },
} as const;

export const INLINE_PREFIX = { from: "primarycollaborator_", to: "secondarycollaborator_" } as const;

export async function loadInteractions(
  path: string,
  people: PeopleData | null,
  ctx: LoadContext,
): Promise<{ interactions: InteractionData; people: PeopleData; snapshot: Snapshot | null }> {
  const collector = new InteractionCollector(path, people, ctx);
  let timestamped = false;
  let inlineColumns: string[] = [];
  // A large file is read on two threads (interactions-split.ts).
  const split = InteractionsSplit.of(path, ctx.threads ?? availableParallelism());
  let file: CsvFileInfo | null = null;
  // Two data rows before the cut at least: the first is held until the second shows it is not a second header row
  // (Qualtrics, csv-records.ts), so only then are the rows before the cut settled.
  const mergeable = (part: RangePart) => file !== null && file.rows >= 2 && exactSums(collector, part);
  const csv = split ? { ...ctx.csv, cut: split.cut(mergeable) } : ctx.csv;
  let info: CsvFileInfo;
  try {
    info = await readTable(path, csv, (header, read) => {
      file = read;
      const col = resolveColumns(header, INTERACTION_COLUMNS, path);
      timestamped = col.timestamp >= 0;
      // Inline attributes (Viva Insights): PrimaryCollaborator_<attr> / SecondaryCollaborator_<attr>, used only without people.csv.
      const inline = people ? [] : inlineAttributeColumns(header, col.from, col.to);
      inlineColumns = [...new Set(inline.map((c) => c.attribute))];
      const row = rowConsumer(collector, header, col, inline, read.delimiter === ";");
      // Inline attributes are rare in large files; their rows all go through `row`.
      if (inline.length > 0) return row;
      const { index, channelOf, timeZone } = collector;
      // Only a file read from its bytes can be cut (csv.ts readsBytes): otherwise the worker would only cost a core.
      if (readsBytes(csv, read.encoding, read.delimiter))
        split?.start(rangeSetup(collector, header.length, read.delimiter, col));
      const accept: Accept = (from, to, at, weight, duration, channel) => {
        collector.rows++;
        collector.accept(from, to, at, weight, duration, channel);
      };
      return {
        row,
        line: plainLineReader(header.length, read.delimiter, col, index, channelOf, timeZone, accept),
        bytes: plainBytesReader(header.length, col, (id) => index.get(id), channelOf, timeZone, accept),
      };
    });
  } finally {
    await split?.stop();
  }
  if (split?.part) {
    const began = performance.now();
    collector.merge(split.part);
    info.rows += split.part.rows;
    if (ctx.csv.timing) ctx.csv.timing.modelMs += performance.now() - began;
  }
  collector.report(info);
  const interactions = collector.interactions(timestamped);
  return {
    interactions,
    snapshot: collector.snapshot(interactions),
    people: people ?? {
      people: collector.roster,
      index: collector.index,
      attributeColumns: inlineColumns,
      source: "interactions-inline",
    },
  };
}

/** What the worker's rows need: the columns, the people numbered so far, the settings of the tally. */
function rangeSetup(c: InteractionCollector, fieldCount: number, delimiter: string, col: Columns): RangeSetup {
  const { period, window } = c.ctx;
  const [ids, numbers] = [[...c.index.keys()], Int32Array.from(c.index.values())];
  return { delimiter, fieldCount, col, ids, numbers, known: c.known, timeZone: c.timeZone, period, window };
}

/**
 * Whether the worker's sums can be added to the main thread's once per cell rather than row by row with the same
 * bits: when every value added is a whole number and the file's total (hence every partial sum, in any order) stays
 * below 2^53, where doubles hold every whole number exactly.
 */
function exactSums(c: InteractionCollector, part: RangePart): boolean {
  const [weight, duration] = c.tally.ties.totals();
  const [partWeight, partDuration] = part.tally.ties.totals;
  return !c.fractional && weight + partWeight < 2 ** 53 && duration + partDuration < 2 ** 53;
}

type Columns = Record<keyof typeof INTERACTION_COLUMNS, number>;
type InlineColumn = ReturnType<typeof inlineAttributeColumns>[number];

/** The row consumer for one file: every check of a row, each problem named, then the tie it adds. */
function rowConsumer(
  c: InteractionCollector,
  header: string[],
  col: Columns,
  inline: readonly InlineColumn[],
  decimalComma: boolean,
): (fields: string[], line: number) => void {
  const { ctx, path } = c;
  const { dateFormat, timeZone } = ctx.config;
  const timestamped = col.timestamp >= 0;
  const number = (fields: string[], i: number, line: number, what: string) =>
    countCell(ctx, path, header, fields, i, line, what, decimalComma);
  return (fields, line) => {
    c.rows++;
    const fromId = fields[col.from].trim();
    const toId = fields[col.to].trim();
    if (fromId === "" || toId === "") {
      const column = header[fromId === "" ? col.from : col.to];
      const problem = { message: "empty person id", expected: "both ends of every interaction" };
      return ctx.problems.invalidRow({ file: path, line, column, ...problem }, "empty person id");
    }
    let at: number | null = null;
    if (timestamped && !isMissing(fields[col.timestamp])) {
      const parsed = parseDate(fields[col.timestamp], dateFormat, timeZone);
      if (!parsed.ok) {
        const found = JSON.stringify(fields[col.timestamp]);
        const problem = { message: "not a valid date", expected: parsed.expected, found, hint: parsed.hint };
        return ctx.problems.invalidRow({ file: path, line, column: header[col.timestamp], ...problem }, "invalid date");
      }
      at = parsed.value;
    }
    // Every problem of a row is listed, except under --skip-invalid-rows, where the first one leaves the row out.
    const skipping = ctx.problems.skipInvalidRows;
    const weight = number(fields, col.weight, line, "weight") ?? 1;
    if (skipping && Number.isNaN(weight)) return;
    const duration = number(fields, col.duration, line, "duration") ?? 0;
    if (skipping && Number.isNaN(duration)) return;
    const from = c.personIndex(fromId, line, header[col.from]);
    if (skipping && from < 0) return;
    const to = c.personIndex(toId, line, header[col.to]);
    if (from < 0 || to < 0 || Number.isNaN(weight) || Number.isNaN(duration)) return;
    if (!Number.isInteger(weight) || !Number.isInteger(duration)) c.fractional = true;
    for (const attribute of inline) {
      const person = c.roster[attribute.end === "from" ? from : to];
      const value = fields[attribute.index].trim();
      if (value !== "" && !isMissing(value) && person.attributes[attribute.attribute] === undefined)
        person.attributes[attribute.attribute] = value;
    }
    c.accept(from, to, at, weight, duration, col.channel >= 0 ? c.channelOf(fields[col.channel]) : "");
  };
}

/** A count cell (weight, duration): null when empty, NaN (after recording the problem) when not a number ≥ 0. */
function countCell(
  ctx: LoadContext,
  file: string,
  header: string[],
  fields: string[],
  i: number,
  line: number,
  what: string,
  decimalComma: boolean,
): number | null {
  if (i < 0 || isMissing(fields[i])) return null;
  const parsed = parseNumber(fields[i], decimalComma);
  if (parsed.ok && parsed.value >= 0) return parsed.value;
  ctx.problems.invalidRow(
    {
      file,
      line,
      column: header[i],
      message: `invalid ${what}`,
      expected: parsed.ok ? "a number ≥ 0" : parsed.expected,
      found: JSON.stringify(fields[i]),
      hint: parsed.ok ? undefined : parsed.hint,
    },
    `invalid ${what}`,
  );
  return NaN;
}

function inlineAttributeColumns(header: string[], fromColumn: number, toColumn: number) {
  const found: { index: number; end: "from" | "to"; attribute: string }[] = [];
  header.forEach((name, index) => {
    if (index === fromColumn || index === toColumn) return;
    for (const end of ["from", "to"] as const) {
      const prefix = INLINE_PREFIX[end];
      if (name.toLowerCase().startsWith(prefix) && name.length > prefix.length) {
        found.push({ index, end, attribute: name.slice(prefix.length) });
      }
    }
  });
  return found;
}

/**
 * Reads an interaction straight from its line when every field is in its plain form: known ids without surrounding
 * space, an ISO timestamp (or none), whole-number weight and duration (or none). Anything else — an unknown id, a
 * date to interpret, a decimal, a problem — is left to the row consumer (returns false), which reaches the same
 * result for plain rows (test/perf/interactions-plain-rows.test.ts).
 */
function plainLineReader(
  fieldCount: number,
  delimiter: string,
  col: Record<keyof typeof INTERACTION_COLUMNS, number>,
  index: Map<string, number>,
  channelOf: (cell: string) => string,
  timeZone: string,
  accept: Accept,
): LineReader {
  const ids = new TextTable((id) => index.get(id));
  const channelCells = new TextTable(channelOf);
  // Field f is text[starts[f], starts[f + 1] − 1).
  const starts = new Int32Array(fieldCount + 1);
  // Ids in the index are trimmed, so a cell with surrounding space finds none and goes to the row consumer.
  const person = (text: string, f: number): number => ids.get(text, starts[f], starts[f + 1] - 1) ?? -1;
  /** A whole number, the default for an empty cell, or NaN (for the row consumer to judge). */
  const count = (text: string, f: number, missing: number): number => {
    if (f < 0 || starts[f + 1] - 1 === starts[f]) return missing;
    return wholeNumberAt(text, starts[f], starts[f + 1] - 1);
  };
  return (text) => {
    let fields = 1;
    for (let i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) {
      if (fields === fieldCount) return false;
      starts[fields++] = i + 1;
    }
    if (fields !== fieldCount) return false;
    starts[fieldCount] = text.length + 1;
    const from = person(text, col.from);
    const to = person(text, col.to);
    if (from < 0 || to < 0) return false;
    let at: number | null = null;
    if (col.timestamp >= 0 && starts[col.timestamp + 1] - 1 > starts[col.timestamp]) {
      at = plainDateAt(text, starts[col.timestamp], starts[col.timestamp + 1] - 1, timeZone);
      if (Number.isNaN(at)) return false;
    }
    const weight = count(text, col.weight, 1);
    const duration = count(text, col.duration, 0);
    if (Number.isNaN(weight) || Number.isNaN(duration)) return false;
    const channel = col.channel >= 0 ? channelCells.get(text, starts[col.channel], starts[col.channel + 1] - 1)! : "";
    accept(from, to, at, weight, duration, channel);
    return true;
  };
}
