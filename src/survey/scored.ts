// A scale's items keyed and its person scores, computed once: the publication plan and the scale's figures share them.
import type { ScaleConfig } from "../model/config.js";
import { DEFAULT_MIN_ANSWERED } from "../model/presets.js";
import { answerCounts, keyItems, personScores, type KeyedItems } from "./scoring.js";
import type { SurveyData } from "../model/types.js";

export interface ScoredScale {
  id: string;
  scale: ScaleConfig;
  present: string[];
  keyed: KeyedItems;
  share: number;
  /** Person scores, NaN for responses with too few answered items. */
  scores: Float64Array;
  /** Per response, its answered items and those in the top two boxes (the favourable share's counts). */
  answered: Int32Array;
  favourable: Int32Array;
}

export function scoreScale(id: string, scale: ScaleConfig, survey: SurveyData): ScoredScale {
  const present = scale.items.filter((item) => survey.answers[item]);
  const keyed = keyItems(survey.answers, present, scale.reverse, scale.min, scale.max);
  const share = scale.minAnswered ?? DEFAULT_MIN_ANSWERED;
  const scores = personScores(keyed, survey.rows, share);
  return { id, scale, present, keyed, share, scores, ...answerCounts(keyed, survey.rows, scale.max) };
}
