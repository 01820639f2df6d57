// `relaudit signals [DIR]`: breakdown signals only, for a scheduled (weekly) run. Same inputs and exit codes as
// `audit`; --previous marks signals new, continuing, escalated, de-escalated or resolved; --out writes dated files
// atomically, never overwriting a dated report, and the same inputs always give the same bytes (no wall-clock time);
// --replay runs the scheduled job over a range of past days in one process.
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Option } from "commander";
import { InputError } from "../model/problems.js";
import type { InputOptions } from "../load/inputs.js";
import { readPreviousSignals } from "../load/report-json.js";
import { parseDate } from "../load/values.js";
import type { Severity } from "../result/types.js";
import { failsAt, projectSignals, runSignalsPipeline } from "../pipeline/signals.js";
import type { SignalsReport } from "../result/signals-report.js";
import { SIGNALS_FOLDER_FILES, SIGNALS_FORMATS } from "../report/formats/registry.js";
import type { RenderOptions } from "../report/formats/types.js";
import { addPseudonymOptions, pseudonymKeyFor, type PseudonymFlags } from "./pseudonym-key.js";
import { renderReplayJson, renderReplayMarkdown } from "../report/replay.js";
import { runReplayPipeline } from "../pipeline/replay.js";
import { VERSION } from "../pipeline/audit.js";
import { pseudonymiseReport, pseudonymiseSignals } from "../privacy/pseudonymise.js";
import { withVisibleControls } from "../util/control-characters.js";
import { checkOutFolder, commitOutFolder } from "./out-folder.js";
import { EXIT, type CliCommand } from "./command.js";
import { progressReporter, useColor, type Io } from "./io.js";
import { addInputOptions, inputOptions, type CommonFlags } from "./options.js";

interface SignalsFlags extends CommonFlags, PseudonymFlags {
  format?: string;
  failOn?: Severity;
  previous?: string;
  asOf?: string;
  out?: string;
  force?: boolean;
  replay?: string;
}

export const signalsCommand: CliCommand<SignalsFlags> = {
  define: (program) =>
    addPseudonymOptions(
      addInputOptions(
        program
          .command("signals")
          .description(
            "print breakdown signals only (for a scheduled run): SPC on relational and delivery series, new/continuing/resolved with --previous",
          )
          .argument("[dir]", "folder holding the input files (a delivery file alone is enough)"),
      ),
    )
      .addOption(
        new Option("-f, --format <format>", "output format (default: terminal on a TTY, else markdown)").choices(
          SIGNALS_FORMATS.map((f) => f.name),
        ),
      )
      .addOption(
        new Option("--fail-on <severity>", "exit 1 when a current signal is at least this severe").choices([
          "warning",
          "critical",
        ]),
      )
      .option(
        "--previous <report.json>",
        "an earlier signals (or audit) JSON report: mark each signal new, continuing or resolved",
      )
      .option("--as-of <date>", "report as of this day: use only data before it (reproduces an earlier scheduled run)")
      .option(
        "-o, --out <dir>",
        `write ${SIGNALS_FOLDER_FILES.map((f) => `signals-<as-of>${f.extension} and signals-latest${f.extension}`).join(", ")} into this folder (atomically)`,
      )
      .option("--force", "let --out write into a non-empty folder that is not a previous relaudit output")
      .option(
        "--replay <from..to>",
        "replay the scheduled run on each period start from..to (ISO dates): when each signal first fired, how long it lasted, lead time before events in annotations.csv",
      ),
  run: (dir, flags, io) => runSignals(inputOptions(dir, flags, io.env), flags, io),
};

async function runSignals(input: InputOptions, flags: SignalsFlags, io: Io): Promise<number> {
  if (flags.replay !== undefined) return runReplay(input, flags, io);
  const asOf = flags.asOf === undefined ? undefined : asOfDate(flags.asOf);
  if (asOf !== undefined && flags.until !== undefined)
    throw new InputError({
      option: "--as-of",
      message: "--as-of and --until both set the end of the data",
      hint: "use one of them",
    });
  const previous = flags.previous === undefined ? null : await readPreviousSignals(flags.previous);
  const out = flags.out === undefined ? undefined : resolve(flags.out);
  const key = await pseudonymKeyFor(flags, io.env);
  const progress = progressReporter(io, Boolean(flags.quiet));
  const options = { ...input, onPhase: progress.phase, onProgress: progress.bytes };
  const run = await runSignalsPipeline(options, asOf).finally(progress.done);
  // As in `audit`: pseudonyms, then control characters made visible, once, before anything is projected or rendered.
  const audited = withVisibleControls(key ? pseudonymiseReport(run.report, key) : run.report);
  const report = projectSignals(audited, {
    asOf: run.asOf,
    // The previous report is named by its own as-of date (a signals report), else by its file name.
    previous: previous && {
      name: previous.asOf ? `the run as of ${previous.asOf}` : basename(flags.previous!),
      signals: withVisibleControls(key ? pseudonymiseSignals(previous.signals, key) : previous.signals),
    },
  });
  if (out !== undefined) writeOutputs(out, report, Boolean(flags.force), io, flags);
  const name = flags.format ?? (io.stdout.isTTY ? "terminal" : "markdown");
  const format = SIGNALS_FORMATS.find((f) => f.name === name)!;
  const renderOptions: RenderOptions = {
    color: useColor(io.stdout, io.env, flags.color),
    quiet: Boolean(flags.quiet),
    width: io.stdout.columns,
  };
  io.stdout.write(format.renderSignals(report, renderOptions));
  return flags.failOn && failsAt(report, flags.failOn) ? EXIT.findings : EXIT.ok;
}

function asOfDate(text: string): number {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseDate(text, "iso", "UTC") : null;
  if (!parsed?.ok)
    throw new InputError({
      option: "--as-of",
      message: "invalid date for --as-of",
      expected: "an ISO date such as 2026-11-23",
      found: JSON.stringify(text),
    });
  return parsed.value;
}

function writeOutputs(out: string, report: SignalsReport, force: boolean, io: Io, flags: SignalsFlags): void {
  const rendered = SIGNALS_FOLDER_FILES.map((f) => ({
    extension: f.extension,
    content: f.renderSignals(report, { color: false, quiet: false }),
  }));
  const files: [string, string][] = ["signals-" + report.asOf, "signals-latest"].flatMap((stem) =>
    rendered.map(({ extension, content }): [string, string] => [`${stem}${extension}`, content]),
  );
  const names = files.map(([name]) => name);
  checkOutFolder(out, names, force);
  // A dated report is the record of that run: never overwritten by a different one (the same bytes again are fine).
  for (const [name, content] of files.slice(0, rendered.length)) {
    const path = join(out, name);
    if (existsSync(path) && readFileSync(path, "utf8") !== content)
      throw new InputError({
        file: join(flags.out!, name),
        message: "a different report for this date is already there, and dated reports are never overwritten",
        hint: "move or rename it if it should be replaced, or write to another --out folder",
      });
  }
  commitOutFolder(
    out,
    files.map(([path, content]) => ({ path, content })),
  );
  if (!flags.quiet) io.stderr.write(`relaudit: wrote ${names.map((n) => join(flags.out!, n)).join(", ")}\n`);
}

/** `--replay FROM..TO`: every scheduled run in the range, in this one process, each on the data before its day. */
async function runReplay(input: InputOptions, flags: SignalsFlags, io: Io): Promise<number> {
  const range = /^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(flags.replay!);
  const from = range ? parseDate(range[1], "iso", "UTC") : null;
  const to = range ? parseDate(range[2], "iso", "UTC") : null;
  if (!from?.ok || !to?.ok || to.value < from.value)
    throw new InputError({
      option: "--replay",
      message: "invalid range for --replay",
      expected: "FROM..TO, two ISO dates with FROM ≤ TO, such as 2026-06-01..2026-10-31",
      found: JSON.stringify(flags.replay),
    });
  for (const [flag, set] of [
    ["--as-of", flags.asOf],
    ["--previous", flags.previous],
    ["--out", flags.out],
    ["--fail-on", flags.failOn],
    ["--until", flags.until],
  ] as const)
    if (set !== undefined)
      throw new InputError({ option: flag, message: `${flag} does not apply to --replay`, hint: "leave it out" });
  if (await pseudonymKeyFor(flags, io.env))
    throw new InputError({
      option: "--replay",
      message: "--replay does not pseudonymise yet",
      hint: "run the replay without --pseudonymise (it names groups, never people)",
    });
  const result = await runReplayPipeline(input, from.value, to.value);
  io.stdout.write(flags.format === "json" ? renderReplayJson(result, VERSION) : renderReplayMarkdown(result));
  return EXIT.ok;
}
