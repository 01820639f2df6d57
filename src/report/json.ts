// JSON renderer: the result itself, pretty-printed. It is an interface: versioned by schemaVersion.
import type { Report } from "../result/types.js";

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The text of renderJson in pieces, for writing a large report without ever holding it as one string (a
 * 10,000-person system with ten million interactions renders to about 300 MB, twice that in memory as UTF-16).
 * Large containers are walked here, following JSON.stringify's rules; everything of up to NATIVE_VALUES values is
 * stringified natively and re-indented. Joined, the pieces equal renderJson's text byte for byte
 * (test/perf/json-chunks.test.ts).
 */
export function* renderJsonChunks(report: object, chunkSize = 1 << 20): Generator<string> {
  // Small pieces are gathered into chunks; a large one goes out as it is, after what was gathered before it.
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces(withToJson(report, ""), "")) {
    if (piece.length >= chunkSize / 4) {
      if (length > 0) yield parts.join("");
      yield piece;
      parts = [];
      length = 0;
      continue;
    }
    parts.push(piece);
    length += piece.length;
    if (length >= chunkSize) {
      yield parts.join("");
      parts = [];
      length = 0;
    }
  }
  parts.push("\n");
  yield parts.join("");
}

/** `value` has been through toJSON already (with its own key), as JSON.stringify does before anything else. */
function* pieces(value: unknown, indent: string): Generator<string> {
  if (!isLarge(value)) {
    const text = JSON.stringify(value, null, 2);
    yield indent.length > 0 && text.includes("\n") ? text.replaceAll("\n", `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "" : ","}\n${inner}`;
      const item = withToJson(value[i], String(i));
      // Inside arrays, what JSON cannot hold is written as null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* pieces(item, inner);
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const name of Object.keys(value as object)) {
    const item = withToJson((value as Record<string, unknown>)[name], name);
    // Inside objects, what JSON cannot hold is left out with its key.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(name)}: `;
    first = false;
    yield* pieces(item, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** Values in a piece stringified whole: a few hundred kilobytes of text at most. */
const NATIVE_VALUES = 10_000;

/** Whether a value holds more than NATIVE_VALUES values (then it is walked, not stringified whole). */
function isLarge(value: unknown): boolean {
  let budget = NATIVE_VALUES;
  const count = (v: unknown): boolean => {
    if (--budget < 0) return true;
    if (v === null || typeof v !== "object") return false;
    for (const key in v) if (Object.hasOwn(v, key) && count((v as Record<string, unknown>)[key])) return true;
    return false;
  };
  return count(value);
}

/** JSON.stringify calls a value's toJSON(key) before anything else. */
function withToJson(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function"
    ? (value as { toJSON: (key: string) => unknown }).toJSON(key)
    : value;
}
