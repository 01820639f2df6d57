// `relaudit aggregate RAW --out interactions.parquet`: raw collaboration events → the interactions file audit reads.
// The output appears all at once (written beside it, then renamed) or not at all.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { Option } from "commander";
import { InputError } from "../model/problems.js";
import { isValidTimeZone } from "../model/periods.js";
import { EXIT, type CliCommand } from "./command.js";
import { integer } from "./options.js";
import { trackTempFile } from "./atomic.js";
import { abandoned } from "./folder-staging.js";

interface AggregateFlags {
  out: string;
  period?: "week" | "month";
  timeZone?: string;
  maxRecipients: number;
  threads?: number;
  memoryLimit?: string;
  passes?: number;
  force?: boolean;
  quiet?: boolean;
}

export const aggregateCommand: CliCommand<AggregateFlags> = {
  define: (program) =>
    program
      .command("aggregate")
      .description(
        "raw events (one row per email, message, call or meeting; Parquet or CSV) → interactions, one row per sender, recipient, period and channel, computed by DuckDB",
      )
      .argument("<raw>", "raw events: a .parquet file or glob (data/events-*.parquet), or a .csv file")
      .requiredOption("-o, --out <file>", "where to write the interactions: .parquet (or .csv)")
      .addOption(
        new Option("--period <kind>", "period of each row (default week, ISO, Monday start)").choices([
          "week",
          "month",
        ]),
      )
      .option("--time-zone <zone>", "IANA time zone for periods (default UTC; use the audit's)")
      .option("--max-recipients <n>", "leave out events with more recipients than this (0 = no limit)", integer(0), 25)
      .option("--threads <n>", "DuckDB worker threads (default: the cores)", integer(1))
      .option(
        "--memory-limit <size>",
        "DuckDB memory limit, e.g. 3GB (default 3GB); the work is split into passes to stay within it",
      )
      .option(
        "--passes <n>",
        "split the work into n passes, each over a range of senders (default: as many as the memory limit needs)",
        integer(1),
      )
      .option("--force", "overwrite --out if it exists")
      .option("-q, --quiet", "no summary on stderr"),
  async run(input, flags, io) {
    const raw = input!;
    const timeZone = flags.timeZone ?? "UTC";
    if (!isValidTimeZone(timeZone))
      throw new InputError({
        option: "--time-zone",
        message: `unknown time zone "${timeZone}"`,
        expected: "an IANA zone such as Europe/London",
      });
    if (existsSync(flags.out) && !flags.force)
      throw new InputError({
        file: flags.out,
        message: "the output file exists",
        hint: "pass --force to overwrite it, or choose another --out",
      });
    if (!/\.(parquet|csv)$/i.test(flags.out))
      throw new InputError({
        file: flags.out,
        message: "unknown output format",
        expected: "a file name ending in .parquet or .csv",
      });
    const { aggregateEvents } = await import("../load/duckdb/aggregate.js");
    removeAbandonedParts(flags.out);
    const temp = join(dirname(flags.out), `.${basename(flags.out)}.${process.pid}.tmp`);
    const started = performance.now();
    // DuckDB writes these files, not writeFileAtomic: marked so that SIGINT/SIGTERM removes them too.
    const untrack = [trackTempFile(temp)];
    try {
      const summary = await aggregateEvents({
        input: raw,
        out: temp,
        format: /\.csv$/i.test(flags.out) ? "csv" : "parquet",
        period: flags.period ?? "week",
        timeZone,
        maxRecipients: flags.maxRecipients,
        threads: flags.threads,
        memoryLimit: flags.memoryLimit ?? "3GB",
        passes: flags.passes,
        onTempFile: (part) => untrack.push(trackTempFile(part)),
        onPass: (pass, passes) => {
          if (!flags.quiet && passes > 1)
            io.stderr.write(`aggregating: pass ${pass} of ${passes} (a range of senders)\n`);
        },
      });
      renameSync(temp, flags.out);
      if (!flags.quiet) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const n = (x: number) => x.toLocaleString("en-GB");
        io.stderr.write(
          `${flags.out}: ${n(summary.rows)} rows (${n(summary.pairs)} sender → recipient pairs, ${n(summary.interactions)} interactions, ` +
            `${summary.first ?? "no dates"} to ${summary.last ?? "no dates"}) from ${n(summary.events)} events in ${seconds} s` +
            `${summary.passes > 1 ? ` (in ${summary.passes} passes by sender)` : ""}` +
            `${flags.passes !== undefined && summary.passes < flags.passes ? ` (${flags.passes} passes asked for: a sender's events are never split, so no more ranges were possible)` : ""}, ` +
            `${statSync(flags.out).size.toLocaleString("en-GB")} bytes.\n` +
            `Rules: duplicate events counted once; blank recipients and the sender among the recipients ignored; ` +
            `${flags.maxRecipients === 0 ? "no limit on recipients" : `events with more than ${flags.maxRecipients} recipients left out`}; ` +
            `${flags.period ?? "week"}s in ${timeZone}. See docs/scale.md.\n`,
        );
      }
    } finally {
      rmSync(temp, { force: true });
      for (const done of untrack) done();
    }
    return EXIT.ok;
  },
};

/**
 * The temp and pass files of this output left by a run that was killed outright (SIGKILL, a crash: no handler ran),
 * whose process is gone: `.NAME.<pid>.tmp` and `.NAME.<pid>.tmp.<pass>.parquet`. At 10⁸ events they are slices of
 * a gigabyte-scale output, so they are not left to pile up.
 */
function removeAbandonedParts(out: string): void {
  const dir = dirname(out);
  if (!existsSync(dir)) return;
  const prefix = `.${basename(out)}.`;
  for (const entry of readdirSync(dir)) {
    const pass = entry.startsWith(prefix) ? /^(\d+)\.tmp(\.\d+\.parquet)?$/.exec(entry.slice(prefix.length)) : null;
    if (pass && abandoned(Number(pass[1]))) rmSync(join(dir, entry), { force: true });
  }
}
