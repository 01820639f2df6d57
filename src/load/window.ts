// The time window of a run: --since and --until (or the day before --as-of, which signals hands on as --until).
import { InputError } from "../model/problems.js";
import type { Config } from "../model/config.js";
import { parseDate } from "./values.js";

/** Instants: since inclusive, until exclusive (null: open). A window with no instant in it is refused. */
export function timeWindow(options: { since?: string; until?: string }, config: Config) {
  const since = windowDate(options.since, "--since", config, false);
  const until = windowDate(options.until, "--until", config, true);
  // An empty window read nothing and reported on it ("the network is in 4 separate parts") instead of saying so.
  if (since !== null && until !== null && since >= until)
    throw new InputError({
      option: "--since",
      message: "the time window holds no day: --since is not before the end of the window",
      expected: "--since before --until (or before --as-of, which reads the days before it)",
      found: `first day ${options.since}, last day ${options.until}`,
      hint: "swap the two dates, or leave one out",
    });
  return { since, until };
}

function windowDate(text: string | undefined, flag: string, config: Config, endOfDay: boolean): number | null {
  if (text === undefined) return null;
  const parsed = parseDate(text, config.dateFormat, config.timeZone);
  if (!parsed.ok)
    throw new InputError({
      option: flag,
      message: `invalid date for ${flag}`,
      expected: parsed.expected,
      found: JSON.stringify(text),
      hint: parsed.hint,
    });
  // --until is inclusive of its whole day when given as a date.
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parsed.value + 86_400_000 : parsed.value;
}
