// Which annotations (decisions from annotations.csv) apply to which series: matched by metric or subject label.
import type { Annotation } from "../model/types.js";

/** Does an annotation concern a series? Empty target: every series; else its metric name or its subject label. */
export function concerns(annotation: Annotation, metric: string, subjectLabel: string): boolean {
  if (annotation.target === null || annotation.target === "*") return true;
  const wanted = normalise(annotation.target);
  return (
    wanted === normalise(metric) ||
    wanted === normalise(subjectLabel) ||
    wanted === normalise(`${metric} ${subjectLabel}`)
  );
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[↔<>\-–—_:|/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
