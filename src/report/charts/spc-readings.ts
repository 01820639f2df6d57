// How each point of an SPC chart is read (special cause, common cause, left out) and drawn: the legend's words,
// colours and shapes, shared by the Vega chart and the deck's native chart.
import type { Series } from "../../result/signals.js";
import { SPECIAL_CAUSE } from "./theme.js";

/** The reading of each point as the legend names it. */
export const POINT_READINGS = {
  concern: "Special cause: concern",
  improvement: "Special cause: improvement",
  neither: "Special cause: neither better nor worse",
  common: "Common cause",
  excluded: "Left out (partial period or gap)",
} as const;
export type Reading = keyof typeof POINT_READINGS;

export const READING_STYLE: Record<Reading, { colour: string; shape: string }> = {
  concern: { colour: SPECIAL_CAUSE.concern, shape: "diamond" },
  improvement: { colour: SPECIAL_CAUSE.improvement, shape: "square" },
  neither: { colour: SPECIAL_CAUSE.neither, shape: "triangle-up" },
  common: { colour: SPECIAL_CAUSE.common, shape: "circle" },
  excluded: { colour: "#B8BFC6", shape: "circle" },
};

export function readingOf(point: Series["points"][number]): Reading {
  if (point.excluded || point.value === null) return "excluded";
  return point.special ?? "common";
}
