// Control characters in names and labels (an ESC pasted from another tool, a stray carriage return) could recolour,
// move the cursor in or rewrite a terminal, hide text, or make an SVG invalid XML. Every output shows them as
// visible symbols instead (ESC → ␛). Line feed and tab are kept: renderers lay those out themselves.
// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them on
// screen ("Trojan Source"): a label could show another group's name or flip a number. They are shown as their code.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x202a) return `[U+${code.toString(16).toUpperCase()}]`;
    // C0 has its own symbols (U+2400–U+241F) and DEL one (U+2421); C1 has none.
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}

const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A copy of a JSON-shaped value with every string (keys included) passed through visibleControls. Arrays and plain
 * objects without a control character anywhere inside are returned as they are: a copy of a large report (millions
 * of values, almost never a control character) doubled its memory, and an untouched part reads the same.
 */
export function withVisibleControls<T>(value: T): T {
  return map(value) as T;
}

function map(value: unknown): unknown {
  if (typeof value === "string") return visibleControls(value);
  if (value !== null && typeof value === "object" && isClean(value)) return value;
  if (Array.isArray(value)) return value.map(map);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visibleControls(k), map(v)]));
  }
  return value;
}

/** No control character in any string or key inside, and nothing but arrays and plain objects (a copy would be equal). */
function isClean(value: object): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (!isCleanValue(item)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (HAS_CONTROL.test(key) || !isCleanValue((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isCleanValue(value: unknown): boolean {
  if (typeof value === "string") return !HAS_CONTROL.test(value);
  return value === null || typeof value !== "object" || isClean(value);
}
