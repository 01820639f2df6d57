// Small inputs for CLI tests that need only what these show, most of them through the built CLI in a fresh process,
// where every run pays for a whole run: the demo costs two to ten times the CPU of these.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes into `dir` (created) twelve people in two organisations whose contact all but stops after 18 of 24 weeks:
 * `signals` finds one critical falling-contact signal, and the slide deck charts it natively (with its embedded
 * workbook).
 */
export function writeFallingContact(dir: string): void {
  mkdirSync(dir);
  const people = ["id,organisation", ...[0, 1, 2, 3, 4, 5].flatMap((i) => [`a${i},North`, `b${i},South`])];
  writeFileSync(join(dir, "people.csv"), `${people.join("\n")}\n`);
  const rows = ["from,to,timestamp,channel"];
  const monday = Date.UTC(2026, 0, 5);
  for (let week = 0; week < 24; week++)
    for (let i = 0; i < 6; i++)
      for (let k = 0; k < (week < 18 ? 3 : Number(i === 0 && week % 2 === 0)); k++) {
        const at = new Date(monday + week * 7 * 86_400_000 + (i * 3 + k) * 3_600_000).toISOString();
        rows.push(`a${i},b${(i + k) % 6},${at},email`, `b${(i + k) % 6},a${i},${at},email`);
      }
  writeFileSync(join(dir, "interactions.csv"), `${rows.join("\n")}\n`);
}
