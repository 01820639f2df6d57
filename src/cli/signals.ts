// `relaudit signals [DIR]`: breakdown signals only, for a scheduled (weekly) run. Same inputs and exit codes as
// `audit`; --previous marks signals new, continuing or resolved; --out writes dated files atomically, and the same
// inputs always give the same bytes (no wall-clock time in the output).
import { join, resolve } from "node:path";
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
import { pseudonymiseReport } from "../privacy/pseudonymise.js";
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
      .option("--force", "let --out write into a non-empty folder that is not a previous relaudit output"),
  run: (dir, flags, io) => runSignals(inputOptions(dir, flags), flags, io),
};

async function runSignals(input: InputOptions, flags: SignalsFlags, io: Io): Promise<number> {
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
    previous: previous && { path: flags.previous!, signals: withVisibleControls(previous) },
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
  commitOutFolder(
    out,
    files.map(([path, content]) => ({ path, content })),
  );
  if (!flags.quiet) io.stderr.write(`relaudit: wrote ${names.map((n) => join(flags.out!, n)).join(", ")}\n`);
}
