// delivery.csv → rows of (metric, date, value, groups). An empty or NA value is a gap, never a zero.
import type { DeliveryRow } from "../model/types.js";
import { parsePeriodLabel, periodStartDay } from "../model/periods.js";
import { readTable } from "./table.js";
import { otherColumns, resolveColumns } from "./columns.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { isMissing, parseDate, parseNumber } from "./values.js";
import { plural } from "../text/format.js";
import { dict } from "../model/dict.js";

export const DELIVERY_COLUMNS = {
  metric: { aliases: ["metric", "measure", "indicator"], required: true, description: "the delivery metric's name" },
  date: {
    aliases: ["date", "period", "week", "month"],
    required: true,
    description: "the date or period (2026-W19, 2026-05) of the value",
  },
  value: { aliases: ["value", "count", "result"], required: true, description: "the metric's value" },
} as const;

export async function loadDelivery(path: string, ctx: LoadContext): Promise<DeliveryRow[]> {
  const rows: DeliveryRow[] = [];
  const range = new DateRange();
  let gaps = 0;
  const info = await readTable(path, ctx.csv, (header, file) => {
    const col = resolveColumns(header, DELIVERY_COLUMNS, path);
    const groupColumns = otherColumns(header, [col.metric, col.date, col.value]);
    return (fields, line) => {
      const metric = fields[col.metric].trim();
      if (metric === "") {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.metric],
            message: "empty metric name",
            expected: "a metric name on every row",
          },
          "empty metric name",
        );
        return;
      }
      const at = parseDeliveryDate(fields[col.date], ctx);
      if (!at.ok) {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.date],
            message: "not a valid date or period",
            expected: at.expected,
            found: JSON.stringify(fields[col.date]),
            hint: at.hint,
          },
          "invalid date or period",
        );
        return;
      }
      let value: number | null = null;
      if (isMissing(fields[col.value])) gaps++;
      else {
        const parsed = parseNumber(fields[col.value], file.delimiter === ";");
        if (!parsed.ok) {
          ctx.problems.invalidRow(
            {
              file: path,
              line,
              column: header[col.value],
              message: "not a number",
              expected: parsed.expected,
              found: JSON.stringify(fields[col.value]),
              hint: parsed.hint ?? "leave the cell empty (or NA) for a missing value",
            },
            "invalid value",
          );
          return;
        }
        value = parsed.value;
      }
      range.add(at.value);
      const groups = dict<string>();
      for (const i of groupColumns) if (!isMissing(fields[i])) groups[header[i]] = fields[i].trim();
      rows.push({ metric, at: at.value, value, groups, line, ...(at.period ? { period: at.period } : {}) });
    };
  });
  if (gaps > 0)
    ctx.warnings.push(`${path}: ${plural(gaps, "missing value")} treated as gaps in their series (not as zeros)`);
  ctx.files.push(summariseFile("delivery", info, range.value));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return rows;
}

/** A date, or a period label (2026-W19 or 2026-05) taken as the period's first day. */
function parseDeliveryDate(text: string, ctx: LoadContext) {
  const trimmed = text.trim();
  for (const kind of ["week", "month"] as const) {
    const index = parsePeriodLabel(trimmed, kind);
    if (index !== null) return { ok: true as const, value: periodStartDay(index, kind) * 86_400_000, period: kind };
  }
  const parsed = parseDate(trimmed, ctx.config.dateFormat, ctx.config.timeZone);
  return parsed.ok
    ? { ...parsed, period: undefined }
    : { ...parsed, expected: `${parsed.expected}, or a period such as 2026-W19 or 2026-05` };
}
