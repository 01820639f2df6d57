// A large interactions file with a known share of bad rows, for the bad-rows test and the soak (scripts/fuzz.ts).
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Bad rows, one in a hundred, cycle through these reasons (as relaudit names them). */
export const BAD_ROW_REASONS = [
  "unknown person id",
  "invalid date",
  "invalid weight",
  "wrong number of fields",
] as const;

/**
 * people.csv (`people` people in 5 organisations) and interactions.csv with `rows` rows, where row i is bad when
 * i % 100 === 50: an unknown id, an impossible date, a decimal-comma weight, or a missing field, in turn.
 */
export function writeLargeBadFile(dir: string, rows: number, people = 500): void {
  writeFileSync(
    join(dir, "people.csv"),
    `id,organisation\n${Array.from({ length: people }, (_, i) => `u${i}zq,Org ${i % 5}`).join("\n")}\n`,
  );
  const fd = openSync(join(dir, "interactions.csv"), "w");
  writeSync(fd, "from,to,timestamp,channel,weight\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const bad = i % 100 === 50 ? Math.floor(i / 100) % 4 : -1;
    const from = bad === 0 ? `ghost${i}` : `u${(i * 7919) % people}zq`;
    const date = bad === 1 ? "2026-02-30" : `2026-0${1 + (i % 6)}-1${i % 10}T09:00:00Z`;
    chunk +=
      bad === 3
        ? `${from},u1zq,${date}\n`
        : `${from},u${(i * 104729 + 1) % people}zq,${date},email,${bad === 2 ? '"1,5"' : "1"}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}
