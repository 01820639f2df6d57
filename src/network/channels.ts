// Which interaction channels build relationships and which only move work along (practices 2 and 4).
// Relational: conversation with time to listen. Transactional: hand-offs. Anything else (phone, chat, blank) is
// counted as neither.

const RELATIONAL = new Set([
  "1:1",
  "1-1",
  "1to1",
  "one-to-one",
  "one to one",
  "huddle",
  "meeting",
  "social",
  "face-to-face",
  "face to face",
  "in person",
  "visit",
]);
const TRANSACTIONAL = new Set(["email", "e-mail", "referral", "letter", "form", "ticket"]);

export type ChannelKind = "relational" | "transactional" | "other";

export function channelKind(channel: string): ChannelKind {
  const key = channel.trim().toLowerCase();
  if (RELATIONAL.has(key)) return "relational";
  if (TRANSACTIONAL.has(key)) return "transactional";
  return "other";
}
