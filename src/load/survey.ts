// survey.csv → SurveyData (columnar). Item columns and every other column as a group column (survey privacy is
// planned over all of them: survey-groups.ts), except free text told by its header (comments, feedback, notes, …),
// which is never read into memory, so it cannot leak into any output.
import { didYouMean } from "../model/problems.js";
import type { SurveyData } from "../model/types.js";
import type { Config } from "../model/config.js";
import { readTable } from "./table.js";
import { resolveColumns } from "./columns.js";
import { summariseFile, type LoadContext } from "./context.js";
import { isMissing, parseDate, parseNumber } from "./values.js";
import { isFreeTextHeader } from "./identifiers.js";
import { plural } from "../text/format.js";
import { ScaleRanges } from "./scale-range.js";
import { dict, dictFromEntries } from "../model/dict.js";

const SURVEY_COLUMNS = {
  respondent: { aliases: ["respondent", "respondent_id", "ResponseId", "response_id"], description: "response id" },
  wave: { aliases: ["wave", "survey_wave", "round"], description: "survey wave (label or date)" },
} as const;

interface ItemRule {
  labels: Map<string, number>;
  min: number | undefined;
  max: number | undefined;
  owner: string;
  /** The owner has reverse-keyed items. */
  reversed: boolean;
}

const normLabel = (label: string) => label.trim().replace(/\s+/g, " ").toLowerCase();

/** Each configured item column with the answer labels and range that apply to it. */
export function surveyItemRules(config: Config): Map<string, ItemRule> {
  const global = Object.entries(config.answerLabels);
  const rules = new Map<string, ItemRule>();
  for (const [id, scale] of Object.entries(config.scales)) {
    const labels = new Map([...global, ...Object.entries(scale.answerLabels ?? {})].map(([k, v]) => [normLabel(k), v]));
    for (const item of scale.items ?? [])
      rules.set(item, {
        labels,
        min: scale.min,
        max: scale.max,
        owner: `scale "${id}"`,
        reversed: (scale.reverse ?? []).length > 0,
      });
  }
  const coordination = config.coordination;
  // RC labels: global, then the coordination block's, then the column's dimension's (non-monotone items).
  const rcLabels = [...global, ...Object.entries(coordination?.answerLabels ?? {})];
  for (const [column, { dimension }] of Object.entries(coordination?.columns ?? {})) {
    const labels = new Map(
      [...rcLabels, ...Object.entries(coordination?.dimensionLabels?.[dimension] ?? {})].map(([k, v]) => [
        normLabel(k),
        v,
      ]),
    );
    if (!rules.has(column))
      rules.set(column, {
        labels,
        min: coordination?.min ?? 1,
        max: coordination?.max ?? 5,
        owner: "coordination",
        reversed: false,
      });
  }
  return rules;
}

/**
 * Group columns: every column that is neither an item, the respondent, the wave nor free text by its header, whatever
 * the run's boundaries or other files (src/load/survey-groups.ts says why all); and the RC rater column always.
 */
export async function loadSurvey(path: string, ctx: LoadContext): Promise<SurveyData> {
  const rules = surveyItemRules(ctx.config);
  const respondents: (string | null)[] = [];
  const waves: (string | null)[] = [];
  const groups = dict<(string | null)[]>();
  const answers = dict<number[]>();
  const { dateFormat, timeZone } = ctx.config;
  const ranges = new ScaleRanges();

  const info = await readTable(path, ctx.csv, (header, file) => {
    const col = resolveColumns(header, SURVEY_COLUMNS, path);
    const decimalComma = file.delimiter === ";";
    const byName = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
    const { items, missingItems } = matchItems(rules, header, byName, path, ctx);
    // The RC rater column is a group column too, even when it is not one of the audited boundaries.
    const rater = ctx.config.coordination?.raterAttribute;
    const itemIndex = new Set(items.map((i) => i.index));
    const named = header.filter(
      (h, i) => h !== "" && i !== col.respondent && i !== col.wave && !itemIndex.has(i) && !isFreeTextHeader(h),
    );
    const wanted = rater && !named.some((b) => b.toLowerCase() === rater.toLowerCase()) ? [...named, rater] : named;
    const groupColumns = wanted
      .filter(
        (b, i) => byName.has(b.toLowerCase()) && wanted.findIndex((o) => o.toLowerCase() === b.toLowerCase()) === i,
      )
      .map((b) => ({ name: b, index: byName.get(b.toLowerCase())! }));
    for (const g of groupColumns) groups[g.name] = [];
    for (const { item } of items) answers[item] = [];
    const used = new Set([col.respondent, col.wave, ...items.map((i) => i.index), ...groupColumns.map((g) => g.index)]);
    const ignored = header.filter((h, i) => h !== "" && !used.has(i));
    if (ignored.length > 0)
      ctx.warnings.push(
        `${path}: ${plural(ignored.length, "column")} not read (free text by its header), so never shown: ${ignored.slice(0, 8).join(", ")}${ignored.length > 8 ? ", …" : ""}`,
      );
    if (items.length === 0 && missingItems.length === 0)
      ctx.warnings.push(
        `${path}: no scales are configured, so no survey scores are computed: add "scales" to relaudit.config.json (see docs/inputs.md)`,
      );

    for (const { rule } of items) ranges.declare(rule.owner, rule.min, rule.max, rule.labels.values(), rule.reversed);
    const readAnswer = answerReader(ctx, path, header, decimalComma, ranges);
    const rowAnswers = new Float64Array(items.length);
    return (fields, line) => {
      // Answers are read before anything is kept, so a row left out under --skip-invalid-rows leaves no trace.
      for (let k = 0; k < items.length; k++) {
        rowAnswers[k] = readAnswer(fields, line, items[k]);
        if (Number.isNaN(rowAnswers[k]) && ctx.problems.skipInvalidRows && !isMissing(fields[items[k].index])) return;
      }
      respondents.push(
        col.respondent >= 0 && !isMissing(fields[col.respondent]) ? fields[col.respondent].trim() : null,
      );
      waves.push(col.wave >= 0 && !isMissing(fields[col.wave]) ? fields[col.wave].trim() : null);
      for (const g of groupColumns) groups[g.name].push(isMissing(fields[g.index]) ? null : fields[g.index].trim());
      items.forEach(({ item }, k) => answers[item].push(rowAnswers[k]));
    };
  });
  ctx.warnings.push(...ranges.warnings().map((w) => `${path}: ${w}`));
  ctx.files.push(summariseFile("survey", info, null));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return {
    rows: respondents.length,
    respondents,
    waves,
    waveOrder: orderWaves(waves, dateFormat, timeZone),
    waveDates: isoWaveDates(waves, timeZone),
    groups,
    answers: dictFromEntries(Object.entries(answers).map(([k, v]) => [k, Float64Array.from(v)] as const)),
  };
}

/** Waves labelled with ISO dates, as instants: survey signals place them on the timeline. */
export function isoWaveDates(waves: readonly (string | null)[], timeZone: string): Record<string, number> {
  const dates: Record<string, number> = Object.create(null);
  for (const w of new Set(waves)) {
    if (w === null) continue;
    const parsed = parseDate(w, "iso", timeZone);
    if (parsed.ok) dates[w] = parsed.value;
  }
  return dates;
}

/** Chronological when every wave label is a date (or YYYY-MM), else in order of first appearance. */
function orderWaves(waves: (string | null)[], dateFormat: Config["dateFormat"], timeZone: string): string[] {
  const distinct = [...new Set(waves.filter((w): w is string => w !== null))];
  const asDate = (w: string) => {
    const parsed = parseDate(/^\d{4}-\d{2}$/.test(w) ? `${w}-01` : w, dateFormat, timeZone);
    return parsed.ok ? parsed.value : null;
  };
  const dated = distinct.map((w) => [w, asDate(w)] as const);
  if (dated.every(([, d]) => d !== null)) return dated.sort((a, b) => a[1]! - b[1]!).map(([w]) => w);
  return distinct;
}

/** Reads one answer as a number; NaN when missing or invalid (an invalid one is recorded as a problem). */
function answerReader(ctx: LoadContext, path: string, header: string[], decimalComma: boolean, ranges: ScaleRanges) {
  return (fields: string[], line: number, { index, rule }: SurveyItem): number => {
    const text = fields[index];
    if (isMissing(text)) return NaN;
    let value: number | undefined = rule.labels.get(normLabel(text));
    const labelled = value !== undefined;
    if (value === undefined) {
      const parsed = parseNumber(text, decimalComma);
      if (!parsed.ok) {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[index],
            message: `unknown answer "${text.trim()}"`,
            expected:
              rule.labels.size > 0
                ? `a number or one of the configured labels (${[...rule.labels.keys()].slice(0, 6).join(", ")}${rule.labels.size > 6 ? ", …" : ""})`
                : "a number",
            hint: `map the label to a number in "answerLabels" (globally or for ${rule.owner}) in relaudit.config.json`,
          },
          // The kind never holds the answer: free text must not reach a report, and distinct answers must not grow memory.
          `unknown answer in ${header[index]}`,
        );
        return NaN;
      }
      value = parsed.value;
    }
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      ctx.problems.invalidRow(
        {
          file: path,
          line,
          column: header[index],
          message: "answer out of range",
          expected: `${rule.min}–${rule.max} (${rule.owner})`,
          found: String(value),
          hint: "check the scale's min and max in the config, or the export's coding",
        },
        `answer out of range in ${header[index]}`,
      );
      return NaN;
    }
    ranges.add(rule.owner, value, labelled);
    return value;
  };
}

interface SurveyItem {
  item: string;
  index: number;
  rule: ItemRule;
}

/** The configured items found in the header; each one missing is a problem with a "did you mean". */
function matchItems(
  rules: Map<string, ItemRule>,
  header: string[],
  byName: Map<string, number>,
  path: string,
  ctx: LoadContext,
): { items: SurveyItem[]; missingItems: string[] } {
  const missingItems = [...rules.keys()].filter((item) => !byName.has(item.toLowerCase()));
  for (const item of missingItems) {
    const suggestion = didYouMean(item, header);
    ctx.problems.add({
      file: path,
      line: 1,
      message: `item column "${item}" (${rules.get(item)!.owner} in the config) is not in the survey file`,
      expected: `a column named "${item}"`,
      hint: suggestion
        ? `did you mean "${suggestion}"? Fix the config or the header`
        : "fix the item names in the config's scales",
    });
  }
  const items = [...rules.keys()]
    .filter((item) => byName.has(item.toLowerCase()))
    .map((item) => ({ item, index: byName.get(item.toLowerCase())!, rule: rules.get(item)! }));
  return { items, missingItems };
}
