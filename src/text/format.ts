// Numbers and words as every layer writes them: loaders in their messages, checks in their findings, renderers in
// their tables. One function per job, so the same number reads the same wherever it appears.
import { decimalsFor, formatFixed, formatP, formatShare } from "./voice.js";

/** The mark for a value that is not there (suppressed, not computed, not applicable). */
export const MISSING = "—";

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString("en-GB");
  return formatFixed(value, decimalsFor(value));
}

export function formatValue(value: number | string | null): string {
  if (value === null) return MISSING;
  return typeof value === "number" ? formatNumber(value) : value;
}

/** "1 period", "2 periods", "1,204 rows". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : pluralWord}`;
}

/** A share (0–1) as a percentage with the precision it needs (formatShare), or the missing mark. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? MISSING : formatShare(share);

/** A number with fixed decimals, or the missing mark. */
export const fixed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? MISSING : x.toFixed(digits);

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** "comma", "tab", … or the character itself, quoted ("" for files that have none, such as the config). */
export const delimiterName = (delimiter: string): string =>
  delimiter === "" ? "" : (DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`);

/** What a signal's chance says (result/signals.ts's SignalChance; named here by shape, as text/ sits below result/). */
interface ChanceWords {
  p: number;
  adjusted: number;
  family: number;
  model: string;
}

/**
 * A signal's null model and its verdict in words, for every output that shows the signal, its finding included
 * (docs/methods.md, "Null models of the signals"): without it a reader of anything but report.json could not tell a
 * signal from chance.
 */
export function formatChance(c: ChanceWords): string {
  const tests = `${formatNumber(c.family)} ${c.family === 1 ? "test" : "tests"}`;
  return `${formatP(c.p)} under the null model (${c.model}); ${formatP(c.adjusted)} Holm-adjusted over the ${tests} of this kind`;
}

/** A rule and its signal's chance as findings, charts and explore say them: "rule. Chance: …", or the rule alone. */
export const withChance = (rule: string, chance: ChanceWords | undefined): string =>
  chance ? `${rule}. Chance: ${formatChance(chance)}` : rule;
