// Severity and status marks as inline SVG: Debian's Chromium (and many locked-down desktops) have no emoji font, so
// ❌ and ⚠️ would print as empty boxes. Each mark is decorative (aria-hidden) and always sits beside its word, so
// neither colour nor shape alone carries the meaning (WCAG 1.4.1). Colours meet 3:1 against white (WCAG 1.4.11).
import type { CheckResult, Severity } from "../../result/types.js";

export type Mark = Severity | CheckResult["status"];

interface Shape {
  colour: string;
  path: string;
}

const SHAPES: Record<Exclude<Mark, "warn" | "fail">, Shape> = {
  // An octagon with a cross: "stop".
  critical: {
    colour: "#b3261e",
    path: '<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor"/><path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>',
  },
  // A triangle with an exclamation mark.
  warning: {
    colour: "#8a5300",
    path: '<path d="M8 1.2l7.2 13.3H0.8z" fill="currentColor"/><path d="M8 5.6v4.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="12.3" r="1.1" fill="#fff"/>',
  },
  // A circle with an "i".
  info: {
    colour: "#1d5fa8",
    path: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M8 7.2v4.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="4.6" r="1.1" fill="#fff"/>',
  },
  // A circle with a tick.
  pass: {
    colour: "#1e7b34",
    path: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.6 8.3l2.3 2.3 4.5-4.7" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round"/>',
  },
  // A circle with a dash.
  "not-applicable": {
    colour: "#5f6368",
    path: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.8 8h6.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>',
  },
  // A diamond with an exclamation mark: the check itself broke.
  error: {
    colour: "#6b2fa0",
    path: '<path d="M8 0.8l7.2 7.2L8 15.2 0.8 8z" fill="currentColor"/><path d="M8 4.6v4.2" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.2" r="1.1" fill="#fff"/>',
  },
};
// A failed check is marked like a critical finding, a warned one like a warning.
const shapeOf = (kind: Mark): Shape => SHAPES[kind === "fail" ? "critical" : kind === "warn" ? "warning" : kind];

const MARK_WORD: Record<Mark, string> = {
  critical: "Critical",
  warning: "Warning",
  info: "Information",
  pass: "Pass",
  warn: "Warning",
  fail: "Critical",
  "not-applicable": "Not applicable",
  error: "Error",
};

/** The mark's icon alone, decorative: for places where the word is said next to it in other terms. */
export function icon(kind: Mark): string {
  const { colour, path } = shapeOf(kind);
  return `<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" style="color:${colour}">${path}</svg>`;
}

/** The mark's icon followed by its word, e.g. "[octagon] Critical". */
export function mark(kind: Mark): string {
  return `<span class="mark mark-${kind}">${icon(kind)}<span class="mark-word">${MARK_WORD[kind]}</span></span>`;
}
