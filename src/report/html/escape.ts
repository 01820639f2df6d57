// The HTML report's one escaping function. Every string that comes from the data (group names, labels, messages,
// file names) passes through it, in text and in quoted attribute values alike; markup is only ever built from
// literals. Control characters are already made visible before any renderer runs (withVisibleControls).
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML character data and for attribute values in double or single quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
