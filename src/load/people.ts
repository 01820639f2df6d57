// people.csv → PeopleData: one row per person, attribute columns become boundaries.
import type { PeopleData, Person } from "../model/types.js";
import { readTable } from "./table.js";
import { otherColumns, resolveColumns } from "./columns.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { isMissing, parseDate } from "./values.js";
import { dict } from "../model/dict.js";

export const PEOPLE_COLUMNS = {
  id: {
    aliases: ["id", "person_id", "staff_id", "email", "PersonId"],
    required: true,
    description: "each person's id",
  },
  joined: { aliases: ["joined", "start_date", "joined_date"], description: "date the person joined" },
  left: { aliases: ["left", "end_date", "left_date", "leaver_date"], description: "date the person left" },
} as const;

export async function loadPeople(path: string, ctx: LoadContext): Promise<PeopleData> {
  const people: Person[] = [];
  const index = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const range = new DateRange();
  const { dateFormat, timeZone } = ctx.config;
  let attributeColumns: string[] = [];

  const info = await readTable(path, ctx.csv, (header) => {
    const col = resolveColumns(header, PEOPLE_COLUMNS, path);
    const attributes = otherColumns(header, [col.id, col.joined, col.left]);
    attributeColumns = attributes.map((i) => header[i]);
    // An invalid date is null: under --skip-invalid-rows the person's row is left out; otherwise the run fails anyway.
    const readDate = (fields: string[], i: number, line: number): number | undefined | null => {
      if (i < 0 || isMissing(fields[i])) return undefined;
      const parsed = parseDate(fields[i], dateFormat, timeZone);
      if (parsed.ok) return parsed.value;
      ctx.problems.invalidRow(
        {
          file: path,
          line,
          column: header[i],
          message: "not a valid date",
          expected: parsed.expected,
          found: JSON.stringify(fields[i]),
          hint: parsed.hint,
        },
        `invalid date in ${header[i]}`,
      );
      return null;
    };
    return (fields, line) => {
      const id = fields[col.id].trim();
      if (id === "") {
        ctx.problems.invalidRow(
          { file: path, line, column: header[col.id], message: "empty person id", expected: "an id on every row" },
          "empty person id",
        );
        return;
      }
      const seen = firstLine.get(id);
      if (seen !== undefined) {
        ctx.problems.invalidRow(
          {
            file: path,
            line,
            column: header[col.id],
            message: `duplicate person id "${id}"`,
            expected: "each person once",
            found: `also on line ${seen}`,
            hint: "remove or merge the duplicate rows",
          },
          "duplicate person id",
        );
        return;
      }
      const joined = readDate(fields, col.joined, line);
      const left = readDate(fields, col.left, line);
      if ((joined === null || left === null) && ctx.problems.skipInvalidRows) return;
      firstLine.set(id, line);
      const person: Person = { id, attributes: dict() };
      for (const i of attributes) {
        const value = fields[i].trim();
        if (value !== "") person.attributes[header[i]] = value;
      }
      for (const date of [joined, left]) if (typeof date === "number") range.add(date);
      if (typeof joined === "number") person.joined = joined;
      if (typeof left === "number") person.left = left;
      index.set(id, people.length);
      people.push(person);
    };
  });
  if (info.rows === 0)
    ctx.problems.add({
      file: path,
      message: "no people: the file has a header but no rows",
      expected: "one row per person",
    });
  ctx.files.push(summariseFile("people", info, range.value));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return { people, index, attributeColumns, source: "people" };
}
