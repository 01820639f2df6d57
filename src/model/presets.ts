// Scale presets and the Relational Coordination structure (../shared/design/instruments.md). Presets carry
// structure and scoring only: users map their own columns (and RC item wording is proprietary, so none ships).
import { didYouMean, type Problem } from "./problems.js";
import type { ScaleConfig } from "./config.js";

/** weak < 3.5 ≤ moderate ≤ 4.0 < strong: a research convention, not an official standard (configurable). */
export const RC_DEFAULT_BANDS = { weak: 3.5, strong: 4.0 };
export const RC_BANDS_NOTE = "weak/moderate/strong bands are a research convention, not an official standard";
/** Difference (scale points) between how A rates B and how B rates A from which a relationship is called asymmetric. */
export const RC_DEFAULT_ASYMMETRY = 0.5;

interface ScalePreset {
  label: string;
  itemCount: number;
  /** Positions (0-based) of the negatively worded items in the preset's item order. */
  reversePositions: number[];
  min: number;
  max: number;
  bands?: { low?: number; high?: number };
}

const SCALE_PRESETS: Record<string, ScalePreset> = {
  // Edmondson (1999), Administrative Science Quarterly 44(2): 7 items, 1, 3 and 5 negatively worded; 7-point agreement.
  "edmondson-psychological-safety": {
    label: "Psychological safety",
    itemCount: 7,
    reversePositions: [0, 2, 4],
    min: 1,
    max: 7,
  },
  // Gittell's RC survey scored as one scale: items in dimension order (RC_DIMENSIONS), 1–5, conventional bands.
  "relational-coordination": {
    label: "Relational coordination",
    itemCount: 7,
    reversePositions: [],
    min: 1,
    max: 5,
    bands: { low: RC_DEFAULT_BANDS.weak, high: RC_DEFAULT_BANDS.strong },
  },
};

export const DEFAULT_MIN_ANSWERED = 0.5;

/** The scale as the user wrote it, after key-by-key validation (anything may be missing). */
export type RawScale = Partial<ScaleConfig>;

/**
 * Apply presets and defaults and cross-check a scale: explicit keys override the preset's; reverse-keyed items
 * must be among the items; min < max; bands inside the range. Problems are appended, never thrown.
 */
export function resolveScale(id: string, raw: RawScale, path: string, problems: Problem[]): ScaleConfig {
  let preset: ScalePreset | undefined;
  if (raw.preset !== undefined) {
    preset = Object.hasOwn(SCALE_PRESETS, raw.preset) ? SCALE_PRESETS[raw.preset] : undefined;
    if (!preset) {
      const suggestion = didYouMean(raw.preset, Object.keys(SCALE_PRESETS));
      problems.push({
        key: `${path}.preset`,
        message: `unknown scale preset "${raw.preset}"`,
        expected: `one of ${Object.keys(SCALE_PRESETS).join(", ")}`,
        hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
      });
    }
  }
  const items = raw.items ?? [];
  if (items.length === 0)
    problems.push({
      key: `${path}.items`,
      message: `scale "${id}" needs its item columns`,
      hint: 'e.g. "items": ["PS1", "PS2", "PS3"]',
    });
  if (preset && raw.items && items.length !== preset.itemCount) {
    problems.push({
      key: `${path}.items`,
      message: `preset "${raw.preset}" has ${preset.itemCount} items in a fixed order`,
      expected: `${preset.itemCount} column names`,
      found: `${items.length}`,
    });
  }
  const duplicates = items.filter((item, i) => items.indexOf(item) !== i);
  if (duplicates.length > 0)
    problems.push({ key: `${path}.items`, message: `item listed twice: ${[...new Set(duplicates)].join(", ")}` });
  const reverse =
    raw.reverse ?? (preset ? preset.reversePositions.map((i) => items[i]).filter((x) => x !== undefined) : []);
  for (const item of reverse) {
    if (!items.includes(item))
      problems.push({
        key: `${path}.reverse`,
        message: `reverse-keyed item "${item}" is not one of the scale's items`,
        hint: didYouMean(item, items) ? `did you mean "${didYouMean(item, items)}"?` : undefined,
      });
  }
  const min = raw.min ?? preset?.min ?? 1;
  const max = raw.max ?? preset?.max ?? 5;
  if (!(min < max))
    problems.push({ key: path, message: `scale "${id}" needs min < max`, found: `min ${min}, max ${max}` });
  const bands = raw.bands ?? preset?.bands;
  for (const [name, value] of Object.entries(bands ?? {})) {
    if (value !== undefined && (value < min || value > max))
      problems.push({
        key: `${path}.bands.${name}`,
        message: `band outside the scale's range ${min}–${max}`,
        found: String(value),
      });
  }
  if (bands?.low !== undefined && bands.high !== undefined && bands.low > bands.high) {
    problems.push({
      key: `${path}.bands`,
      message: "band low must not exceed high",
      found: `low ${bands.low}, high ${bands.high}`,
    });
  }
  return {
    ...raw,
    label: raw.label ?? preset?.label ?? id,
    items,
    reverse,
    min,
    max,
    bands,
    minAnswered: raw.minAnswered ?? DEFAULT_MIN_ANSWERED,
  };
}

/** A leadership scale serves practice 6: marked `"leadership": true`, or named so when the flag is absent. */
export function isLeadershipScale(id: string, scale: ScaleConfig): boolean {
  return scale.leadership ?? /leadership/i.test(`${id} ${scale.label ?? ""}`);
}
