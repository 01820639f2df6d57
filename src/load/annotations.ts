// annotations.csv: what people decided or what happened (an intervention, a restructure, a rebase), by date.
// Annotations are shown with every series they concern; a "rebase" or "baseline" action shapes that series' limits.
// relaudit only ever suggests a rebase: applying one is a human decision recorded here.
import type { Annotation } from "../model/types.js";
import { readCsv } from "./csv.js";
import { resolveColumns } from "./columns.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { isMissing, parseDate } from "./values.js";

export const ANNOTATION_COLUMNS = {
  date: {
    aliases: ["date", "period", "week", "month"],
    required: true,
    description: "when it happened or takes effect",
  },
  target: {
    aliases: ["metric", "subject", "series"],
    description: "the metric or relationship it concerns (empty: all)",
  },
  note: {
    aliases: ["note", "annotation", "comment", "description"],
    required: true,
    description: "what happened or was decided",
  },
  action: { aliases: ["action"], description: "rebase or baseline (optional)" },
} as const;

const ACTIONS = new Set(["rebase", "baseline"]);

export async function loadAnnotations(path: string, ctx: LoadContext): Promise<Annotation[]> {
  const annotations: Annotation[] = [];
  const range = new DateRange();
  const info = await readCsv(path, ctx.csv, (header) => {
    const col = resolveColumns(header, ANNOTATION_COLUMNS, path);
    return (fields, line) => {
      const at = parseDate(fields[col.date], ctx.config.dateFormat, ctx.config.timeZone);
      if (!at.ok) {
        ctx.problems.add(
          {
            file: path,
            line,
            column: header[col.date],
            message: "not a valid date",
            expected: at.expected,
            found: JSON.stringify(fields[col.date]),
            hint: at.hint,
          },
          `${path}: bad date`,
        );
        return;
      }
      const actionText = col.action >= 0 ? fields[col.action].trim().toLowerCase() : "";
      if (actionText !== "" && !ACTIONS.has(actionText)) {
        ctx.problems.add(
          {
            file: path,
            line,
            column: header[col.action],
            message: "unknown action",
            expected: '"rebase", "baseline" or empty',
            found: JSON.stringify(fields[col.action]),
            hint: "rebase starts new limits at this date; baseline fixes limits from the points up to it",
          },
          `${path}: unknown action`,
        );
        return;
      }
      const target = col.target >= 0 && !isMissing(fields[col.target]) ? fields[col.target].trim() : null;
      range.add(at.value);
      annotations.push({
        at: at.value,
        target,
        note: fields[col.note].trim(),
        action: (actionText || null) as Annotation["action"],
        line,
      });
    };
  });
  ctx.files.push(summariseFile("annotations", info, range.value));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return annotations.sort((a, b) => a.at - b.at || a.line - b.line);
}
