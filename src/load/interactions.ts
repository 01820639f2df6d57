// interactions.csv → ties, collapsed while streaming: memory grows with distinct people, ties and periods, not rows.
// Viva Insights person-to-person exports carry people's attributes inline; they stand in for people.csv.
import { performance } from "node:perf_hooks";
import type { InteractionData, PeopleData, Person } from "../model/types.js";
import { periodOf } from "../model/periods.js";
import { readCsv, type LineReader } from "./csv.js";
import { TextTable } from "./text-table.js";
import { TieBuilder } from "./tie-builder.js";
import { resolveColumns } from "./columns.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { isMissing, parseDate, parseNumber, plainDateAt, wholeNumberAt } from "./values.js";
import { plural } from "../report/format.js";

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

const INLINE_PREFIX = { from: "primarycollaborator_", to: "secondarycollaborator_" } as const;

export async function loadInteractions(
  path: string,
  people: PeopleData | null,
  ctx: LoadContext,
): Promise<{ interactions: InteractionData; people: PeopleData }> {
  const { dateFormat, timeZone } = ctx.config;
  const known = people !== null;
  const roster: Person[] = people ? people.people : [];
  const index = people ? people.index : new Map<string, number>();
  const ties = new TieBuilder();
  const channels = new Set<string>();
  // A file holds a handful of distinct channel cells: each is trimmed and lower-cased once.
  const channelNames = new Map<string, string>();
  const channelOf = (cell: string): string => {
    let name = channelNames.get(cell);
    if (name === undefined) channelNames.set(cell, (name = cell.trim().toLowerCase()));
    return name;
  };
  const range = new DateRange();
  let rows = 0;
  let selfLoops = 0;
  let outsideWindow = 0;
  let timestamped = false;
  let inlineColumns: string[] = [];

  const info = await readCsv(path, ctx.csv, (header, file) => {
    const decimalComma = file.delimiter === ";";
    const col = resolveColumns(header, INTERACTION_COLUMNS, path);
    timestamped = col.timestamp >= 0;
    // Inline attributes (Viva Insights): PrimaryCollaborator_<attr> / SecondaryCollaborator_<attr>, used only without people.csv.
    const inline = known ? [] : inlineAttributeColumns(header, col.from, col.to);
    inlineColumns = [...new Set(inline.map((c) => c.attribute))];
    const personIndex = (id: string, line: number, column: string): number => {
      const found = index.get(id);
      if (found !== undefined) return found;
      if (known) {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column,
            message: `unknown person id "${id}"`,
            expected: "an id listed in people.csv",
            hint: "add the person to people.csv, or check the id's spelling and case",
          },
          "unknown person id",
        );
        return -1;
      }
      const i = roster.length;
      roster.push({ id, attributes: {} });
      index.set(id, i);
      return i;
    };
    const number = (fields: string[], i: number, line: number, what: string): number | null => {
      if (i < 0 || isMissing(fields[i])) return null;
      const parsed = parseNumber(fields[i], decimalComma);
      if (parsed.ok && parsed.value >= 0) return parsed.value;
      ctx.problems.invalidRow(
        {
          file: path,
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
    };

    /** What every row that passed its checks comes to. */
    const accept = (from: number, to: number, at: number | null, weight: number, duration: number, channel: string) => {
      if (from === to) {
        selfLoops++;
        return;
      }
      if (
        at !== null &&
        ((ctx.window.since !== null && at < ctx.window.since) || (ctx.window.until !== null && at >= ctx.window.until))
      ) {
        outsideWindow++;
        return;
      }
      if (at !== null) range.add(at);
      channels.add(channel);
      ties.add(from, to, weight, duration, channel, at, at === null ? null : periodOf(at, ctx.period, timeZone));
    };

    const row = (fields: string[], line: number) => {
      rows++;
      const fromId = fields[col.from].trim();
      const toId = fields[col.to].trim();
      if (fromId === "" || toId === "") {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[fromId === "" ? col.from : col.to],
            message: "empty person id",
            expected: "both ends of every interaction",
          },
          "empty person id",
        );
        return;
      }
      let at: number | null = null;
      if (timestamped && !isMissing(fields[col.timestamp])) {
        const parsed = parseDate(fields[col.timestamp], dateFormat, timeZone);
        if (!parsed.ok) {
          ctx.problems.invalidRow(
            {
              file: path,
              line,
              column: header[col.timestamp],
              message: "not a valid date",
              expected: parsed.expected,
              found: JSON.stringify(fields[col.timestamp]),
              hint: parsed.hint,
            },
            "invalid date",
          );
          return;
        }
        at = parsed.value;
      }
      // Every problem of a row is listed, except under --skip-invalid-rows, where the first one leaves the row out.
      const skipping = ctx.problems.skipInvalidRows;
      const weight = number(fields, col.weight, line, "weight") ?? 1;
      if (skipping && Number.isNaN(weight)) return;
      const duration = number(fields, col.duration, line, "duration") ?? 0;
      if (skipping && Number.isNaN(duration)) return;
      const from = personIndex(fromId, line, header[col.from]);
      if (skipping && from < 0) return;
      const to = personIndex(toId, line, header[col.to]);
      if (from < 0 || to < 0 || Number.isNaN(weight) || Number.isNaN(duration)) return;
      for (const c of inline) {
        const person = roster[c.end === "from" ? from : to];
        const value = fields[c.index].trim();
        if (value !== "" && !isMissing(value) && person.attributes[c.attribute] === undefined)
          person.attributes[c.attribute] = value;
      }
      accept(from, to, at, weight, duration, col.channel >= 0 ? channelOf(fields[col.channel]) : "");
    };
    // Inline attributes are rare in large files; their rows all go through `row`.
    if (inline.length > 0) return row;
    return {
      row,
      line: plainLineReader(
        header.length,
        file.delimiter,
        col,
        index,
        channelOf,
        timeZone,
        (from, to, at, weight, duration, channel) => {
          rows++;
          accept(from, to, at, weight, duration, channel);
        },
      ),
    };
  });

  if (rows === 0)
    ctx.problems.add({
      file: path,
      message: "no interactions: the file has a header but no rows",
      expected: "one row per interaction (or per pair and period)",
    });
  if (selfLoops > 0)
    ctx.warnings.push(`${path}: ${plural(selfLoops, "row")} where a person interacts with themselves left out`);
  if (outsideWindow > 0) ctx.warnings.push(`${path}: ${plural(outsideWindow, "row")} outside --since/--until left out`);
  ctx.files.push(summariseFile("interactions", info, range.value));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  const dates = range.value;
  const building = performance.now();
  const tieList = ties.ties();
  if (ctx.csv.timing) ctx.csv.timing.modelMs += performance.now() - building;
  return {
    interactions: {
      ties: tieList,
      rows,
      selfLoops,
      outsideWindow,
      timestamped,
      first: dates ? dates[0] : null,
      last: dates ? dates[1] : null,
      channels: [...channels].filter((c) => c !== "").sort(),
    },
    people: people ?? { people: roster, index, attributeColumns: inlineColumns, source: "interactions-inline" },
  };
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
  accept: (from: number, to: number, at: number | null, weight: number, duration: number, channel: string) => void,
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
