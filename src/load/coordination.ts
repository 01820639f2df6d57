// coordination.csv — relational coordination in long form: one row per answer (rater group, rated group,
// dimension, score), optionally with the respondent. The wide form (one column per dimension × rated group) comes
// in through survey.csv and the config's coordination.columns instead.
import { didYouMean } from "../model/problems.js";
import type { RcRating } from "../model/types.js";
import { RC_DIMENSIONS, type RcDimension } from "../model/coordination.js";
import { resolveColumns } from "./columns.js";
import type { LoadContext } from "./context.js";
import { type CsvFileInfo } from "./csv.js";
import { readTable } from "./table.js";
import { isMissing, parseNumber } from "./values.js";

export const COORDINATION_COLUMNS = {
  raterGroup: {
    aliases: ["rater_group", "rater", "from_group"],
    required: true,
    description: "the group of the person rating",
  },
  ratedGroup: {
    aliases: ["rated_group", "rated", "to_group", "target_group"],
    required: true,
    description: "the group being rated",
  },
  dimension: {
    aliases: ["dimension", "rc_dimension"],
    required: true,
    description: `one of ${RC_DIMENSIONS.join(", ")}`,
  },
  score: {
    aliases: ["score", "rating", "value"],
    required: true,
    description: "the answer (a number or a configured label)",
  },
  respondent: { aliases: ["respondent", "respondent_id", "rater_id"], description: "who answered (optional)" },
} as const;

const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");
const DIMENSION_BY_NAME = new Map<string, RcDimension>(RC_DIMENSIONS.map((d) => [squash(d), d]));
const normLabel = (label: string) => label.trim().replace(/\s+/g, " ").toLowerCase();

export interface CoordinationFile {
  ratings: RcRating[];
  info: CsvFileInfo;
}

/**
 * Without a respondent column, the i-th answer to a dimension within a (rater group, rated group) cell is taken to
 * come from the group's i-th rater, so a cell counts as many raters as its most-answered dimension.
 */
export async function loadCoordination(path: string, ctx: LoadContext): Promise<CoordinationFile> {
  const config = ctx.config.coordination;
  const min = config?.min ?? 1;
  const max = config?.max ?? 5;
  const labels = new Map(
    [...Object.entries(ctx.config.answerLabels), ...Object.entries(config?.answerLabels ?? {})].map(([k, v]) => [
      normLabel(k),
      v,
    ]),
  );
  const dimensionLabels = new Map(
    RC_DIMENSIONS.map((d) => [
      d,
      new Map([
        ...labels,
        ...Object.entries(config?.dimensionLabels?.[d] ?? {}).map(([k, v]) => [normLabel(k), v] as const),
      ]),
    ]),
  );
  const ratings: RcRating[] = [];
  const people = new Map<string, number>();
  const ordinal = new Map<string, number>();
  const personIndex = (key: string) => {
    let index = people.get(key);
    if (index === undefined) people.set(key, (index = people.size));
    return index;
  };

  const info = await readTable(path, ctx.csv, (header, file) => {
    const col = resolveColumns(header, COORDINATION_COLUMNS, path);
    const decimalComma = file.delimiter === ";";
    return (fields, line) => {
      const raterGroup = fields[col.raterGroup].trim();
      const ratedGroup = fields[col.ratedGroup].trim();
      const dimensionText = fields[col.dimension].trim();
      const scoreText = fields[col.score];
      if (isMissing(scoreText) || raterGroup === "" || ratedGroup === "") return;
      const dimension = DIMENSION_BY_NAME.get(squash(dimensionText));
      if (!dimension) {
        const suggestion = didYouMean(dimensionText, RC_DIMENSIONS);
        ctx.problems.add(
          {
            file: path,
            line,
            column: header[col.dimension],
            message: `unknown RC dimension "${dimensionText}"`,
            expected: `one of ${RC_DIMENSIONS.join(", ")}`,
            hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
          },
          `${path}: unknown RC dimension`,
        );
        return;
      }
      let score = dimensionLabels.get(dimension)!.get(normLabel(scoreText));
      if (score === undefined) {
        const parsed = parseNumber(scoreText, decimalComma);
        if (!parsed.ok) {
          ctx.problems.add(
            {
              file: path,
              line,
              column: header[col.score],
              message: `unknown answer "${scoreText.trim()}"`,
              expected: "a number or a label in answerLabels (global, coordination or coordination.dimensionLabels)",
            },
            `${path}: unknown answer`,
          );
          return;
        }
        score = parsed.value;
      }
      if (score < min || score > max) {
        ctx.problems.add(
          {
            file: path,
            line,
            column: header[col.score],
            message: "answer out of range",
            expected: `${min}–${max} (coordination min and max)`,
            found: String(score),
          },
          `${path}: out-of-range answer`,
        );
        return;
      }
      let person: number;
      if (col.respondent >= 0 && !isMissing(fields[col.respondent]))
        person = personIndex(`id\u0000${fields[col.respondent].trim()}`);
      else {
        const cell = `${raterGroup}\u0000${ratedGroup}\u0000${dimension}`;
        const i = ordinal.get(cell) ?? 0;
        ordinal.set(cell, i + 1);
        person = personIndex(`rater\u0000${raterGroup}\u0000${i}`);
      }
      ratings.push({ person, raterGroup, ratedGroup, dimension, score });
    };
  });
  return { ratings, info };
}
