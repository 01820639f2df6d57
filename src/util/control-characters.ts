// Control characters in names and labels (an ESC pasted from another tool, a stray carriage return) could recolour,
// move the cursor in or rewrite a terminal, hide text, or make an SVG invalid XML. Every output shows them as
// visible symbols instead (ESC → ␛). Line feed and tab are kept: renderers lay those out themselves.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    // C0 has its own symbols (U+2400–U+241F) and DEL one (U+2421); C1 has none.
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/** A copy of a JSON-shaped value with every string (keys included) passed through visibleControls. */
export function withVisibleControls<T>(value: T): T {
  return map(value) as T;
}

function map(value: unknown): unknown {
  if (typeof value === "string") return visibleControls(value);
  if (Array.isArray(value)) return value.map(map);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visibleControls(k), map(v)]));
  }
  return value;
}
