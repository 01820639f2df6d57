// events.csv: who attended the forum and the briefing (chosen in plan.ts), one row per attendee.
import { isoDate, type Workforce } from "./system.js";
import type { Plan } from "./plan.js";

export function eventsCsv(workforce: Workforce, plan: Plan): string {
  const lines = ["event,date,person"];
  for (const g of [plan.forum, plan.briefing]) {
    for (const p of g.attendees) lines.push(`${g.name},${isoDate(g.day)},${workforce.people[p].id}`);
  }
  return lines.join("\n") + "\n";
}
