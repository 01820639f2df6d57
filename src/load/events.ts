// events.csv → forum attendance: one row per attendee of an event.
import type { EventAttendance, PeopleData } from "../model/types.js";
import { readTable } from "./table.js";
import { resolveColumns } from "./columns.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { parseDate } from "./values.js";

export const EVENT_COLUMNS = {
  event: { aliases: ["event", "forum", "meeting", "event_name"], required: true, description: "the event's name" },
  date: { aliases: ["date", "timestamp", "event_date"], required: true, description: "when it took place" },
  person: { aliases: ["person", "person_id", "attendee", "id", "email"], required: true, description: "who attended" },
} as const;

export async function loadEvents(path: string, people: PeopleData, ctx: LoadContext): Promise<EventAttendance[]> {
  const attendance: EventAttendance[] = [];
  const range = new DateRange();
  const info = await readTable(path, ctx.csv, (header) => {
    const col = resolveColumns(header, EVENT_COLUMNS, path);
    return (fields, line) => {
      const event = fields[col.event].trim();
      const personId = fields[col.person].trim();
      const parsed = parseDate(fields[col.date], ctx.config.dateFormat, ctx.config.timeZone);
      if (event === "")
        return ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.event],
            message: "empty event name",
            expected: "an event name on every row",
          },
          "empty event name",
        );
      if (!parsed.ok)
        return ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.date],
            message: "not a valid date",
            expected: parsed.expected,
            found: JSON.stringify(fields[col.date]),
            hint: parsed.hint,
          },
          "invalid date",
        );
      const person = people.index.get(personId);
      if (person === undefined) {
        return ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.person],
            message: `unknown person id "${personId}"`,
            expected: people.source === "people" ? "an id listed in people.csv" : "an id that appears in interactions",
            hint: "check the id's spelling and case",
          },
          "unknown person id",
        );
      }
      range.add(parsed.value);
      attendance.push({ event, at: parsed.value, person });
    };
  });
  ctx.files.push(summariseFile("events", info, range.value));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return attendance;
}
