// Command-line wiring. `run()` returns the exit code and never calls process.exit: only bin/ touches process.
//   0 ok · 1 findings at or above --fail-on · 2 usage, config or input error
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { audit, VERSION, type AuditOptions } from "../audit.js";
import { defaultThreads } from "../network/betweenness-threads.js";
import { severityAtLeast } from "../checks/run.js";
import { formatProblem, InputError } from "../errors.js";
import { loadInputs, type InputOptions } from "../load/inputs.js";
import type { Report, Severity } from "../result/types.js";
import { renderJsonChunks } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderTerminal } from "../report/terminal.js";
import { addPseudonymOptions, pseudonymKeyFor, type PseudonymFlags } from "../privacy/key.js";
import { pseudonymiseReport } from "../privacy/pseudonymise.js";
import { writeFileAtomic } from "../util/atomic.js";
import { visibleControls, withVisibleControls } from "../util/control-characters.js";
import { initFolder } from "./init.js";
import { addSignalsOptions, runSignals, type SignalsFlags } from "./signals.js";
import { checkOutFolder, claimOutFolder } from "./out-folder.js";
import { progressReporter, useColor, type Io } from "./io.js";
import { checkDeckPath, deckFile, reportFiles } from "./report-files.js";
import { runExplorer } from "../explore/app.js";
import { readReportFile, reportFileIn } from "../explore/report-file.js";

export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

type TextFormat = "terminal" | "markdown" | "json";
/** csv and pptx write files only: the tables into --out DIR, the deck to --out FILE. */
type Format = TextFormat | "csv" | "pptx";

interface CommonFlags {
  people?: string;
  interactions?: string;
  survey?: string;
  delivery?: string;
  events?: string;
  coordination?: string;
  annotations?: string;
  config?: string;
  encoding?: string;
  delimiter?: string;
  skipRows?: number;
  boundary?: string[];
  undirected?: boolean;
  since?: string;
  until?: string;
  minGroupSize?: number;
  period?: "week" | "month";
  timeZone?: string;
  dateFormat?: "iso" | "dd/mm/yyyy" | "mm/dd/yyyy";
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
}

interface AuditFlags extends CommonFlags, PseudonymFlags {
  format?: Format;
  out?: string;
  force?: boolean;
  failOn?: Severity;
  generatedAt?: string;
  png?: boolean;
  skipInvalidRows?: boolean;
}

/** What --out writes, by name (the manifest in out-folder.ts lists them). */
const OUT_FILES = ["report.json", "report.md"] as const;

const integer = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return n;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];

function addInputOptions(command: Command): Command {
  return command
    .option("--people <file>", "people.csv: id and attributes (the boundaries)")
    .option("--interactions <file>", "interactions.csv: from, to, timestamp, channel, weight")
    .option("--survey <file>", "survey.csv: one row per response")
    .option("--delivery <file>", "delivery.csv: metric, date, value")
    .option("--events <file>", "events.csv: event, date, person")
    .option("--coordination <file>", "coordination.csv: relational coordination ratings in long form")
    .option("--annotations <file>", "annotations.csv: dated notes and rebase/baseline decisions for SPC charts")
    .option("--config <file>", "relaudit.config.json (default: the one in DIR)")
    .option("--encoding <name>", "file encoding when there is no BOM (e.g. windows-1252)")
    .option("--delimiter <char>", "field delimiter (default: sniffed from the header)")
    .option("--skip-rows <n>", "lines to skip before the header", integer(0))
    .option("--boundary <attribute>", "boundary attribute to audit (repeatable)", collect)
    .option("--undirected", "treat each interaction as mutual (contact or meeting data)")
    .option("--since <date>", "ignore interactions before this date")
    .option("--until <date>", "ignore interactions after this date (inclusive)")
    .option("--min-group-size <n>", "hide survey results for smaller groups (default 5)", integer(2))
    .addOption(new Option("--period <kind>", "reporting period").choices(["week", "month"]))
    .option("--time-zone <zone>", "IANA time zone for dates without one (default UTC)")
    .addOption(
      new Option("--date-format <format>", "how to read day/month dates").choices(["iso", "dd/mm/yyyy", "mm/dd/yyyy"]),
    )
    .option("-q, --quiet", "print only findings; no progress")
    .option("--no-color", "no colour (also NO_COLOR=1)")
    .option("--debug", "show stack traces for unexpected errors");
}

function inputOptions(dir: string | undefined, flags: CommonFlags): InputOptions {
  return {
    dir: dir ?? (hasExplicitFiles(flags) ? undefined : "."),
    files: {
      people: flags.people,
      interactions: flags.interactions,
      survey: flags.survey,
      coordination: flags.coordination,
      delivery: flags.delivery,
      events: flags.events,
      annotations: flags.annotations,
      config: flags.config,
    },
    encoding: flags.encoding,
    delimiter: flags.delimiter === "tab" || flags.delimiter === "\\t" ? "\t" : flags.delimiter,
    skipRows: flags.skipRows,
    boundaries: flags.boundary,
    undirected: flags.undirected,
    since: flags.since,
    until: flags.until,
    minGroupSize: flags.minGroupSize,
    period: flags.period,
    timeZone: flags.timeZone,
    dateFormat: flags.dateFormat,
  };
}

/** A whole number ≥ 1 from RELAUDIT_WORKERS, else the default. */
function threadsFromEnv(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

const hasExplicitFiles = (f: CommonFlags) =>
  Boolean(f.people || f.interactions || f.survey || f.coordination || f.delivery || f.events);

/** Terminal and Markdown reports; JSON is written in pieces (renderJsonChunks). */
function render(report: Report, format: Exclude<TextFormat, "json">, io: Io, flags: AuditFlags): string {
  if (format === "markdown") return renderMarkdown(report, { quiet: flags.quiet });
  return renderTerminal(report, {
    color: useColor(io.stdout, io.env, flags.color),
    quiet: flags.quiet,
    width: io.stdout.columns,
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  let debug = argv.includes("--debug");
  const program = new Command("relaudit")
    .description("Audit the relational health of a health & care system and flag relational breakdown early.")
    .version(VERSION)
    .showHelpAfterError("(run relaudit --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  addPseudonymOptions(
    addInputOptions(
      program
        .command("audit")
        .description("read the inputs in DIR, run every check whose inputs are present, print the report")
        .argument(
          "[dir]",
          "folder holding people.csv, interactions.csv, survey.csv, delivery.csv, events.csv, relaudit.config.json",
        ),
    ),
  )
    .addOption(
      new Option(
        "-f, --format <format>",
        "report format (default: terminal on a TTY, else markdown); csv writes tables into --out DIR, pptx a slide deck to --out FILE",
      ).choices(["terminal", "markdown", "json", "csv", "pptx"]),
    )
    .option(
      "-o, --out <dir>",
      "also write report.md, report.json and SVG charts (charts/) into this folder (atomically)",
    )
    .option("--png", "with --out, also write each chart as PNG")
    .option(
      "--force",
      "let --out write into a non-empty folder that is not a previous relaudit output (other files are left alone)",
    )
    .option("--skip-invalid-rows", "leave out rows with a problem (recorded in the report) instead of failing")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at least this severe").choices([
        "warning",
        "critical",
      ]),
    )
    .option("--generated-at <iso>", "timestamp to record (for reproducible output)")
    .action(async (dir: string | undefined, flags: AuditFlags) => {
      debug = Boolean(flags.debug);
      const progress = progressReporter(io, Boolean(flags.quiet));
      const options: AuditOptions = {
        ...inputOptions(dir, flags),
        skipInvalidRows: flags.skipInvalidRows,
        generatedAt: flags.generatedAt,
        onPhase: progress.phase,
        onProgress: progress.bytes,
        // RELAUDIT_TIMINGS=1: one JSON line of phase timings on stderr at the end (npm run bench reads it).
        timings: io.env.RELAUDIT_TIMINGS === "1" ? {} : undefined,
        // RELAUDIT_WORKERS=N: threads for the network analysis (default: the cores, at most 4); the report is the same.
        threads: threadsFromEnv(io.env.RELAUDIT_WORKERS),
      };
      if (flags.generatedAt !== undefined && Number.isNaN(Date.parse(flags.generatedAt))) {
        throw new InputError({
          column: "--generated-at",
          message: "invalid timestamp",
          expected: "an ISO 8601 date-time such as 2026-11-23T06:00:00Z",
          found: flags.generatedAt,
        });
      }
      // Settings that can fail are checked before the (possibly long) audit runs.
      const out = flags.out === undefined ? undefined : resolve(flags.out);
      const format: Format = flags.format ?? (io.stdout.isTTY ? "terminal" : "markdown");
      if (out === undefined && (format === "csv" || format === "pptx" || flags.png)) {
        const what = format === "pptx" ? "--format pptx" : format === "csv" ? "--format csv" : "--png";
        throw new InputError({
          column: what,
          message: "writes files and needs --out to say where",
          hint: format === "pptx" ? "add --out deck.pptx" : "add --out DIR",
        });
      }
      if (out !== undefined && format === "pptx") await checkDeckPath(out, Boolean(flags.force));
      else if (out !== undefined) checkOutFolder(out, OUT_FILES, Boolean(flags.force));
      const key = pseudonymKeyFor(flags, io.env);
      let audited: Report;
      try {
        audited = await audit(options);
      } finally {
        progress.done();
      }
      const rendering = performance.now();
      // One enforcement point before any renderer: pseudonyms, then control characters made visible.
      const report = withVisibleControls(key ? pseudonymiseReport(audited, key) : audited);
      if (out !== undefined && format === "pptx") {
        progress.phase("building slides");
        writeFileAtomic(out, await deckFile(report).finally(progress.done));
        if (!flags.quiet) io.stderr.write(`relaudit: wrote ${flags.out}\n`);
      } else if (out !== undefined) {
        progress.phase("drawing charts");
        const extra = await reportFiles(report, { png: Boolean(flags.png), csv: format === "csv" }).finally(
          progress.done,
        );
        const extraNames = extra.files.map((f) => f.path);
        checkOutFolder(out, extraNames, Boolean(flags.force));
        // The JSON is written in pieces as it is rendered: a large system's report runs to hundreds of megabytes.
        const rendered = {
          "report.json": renderJsonChunks(report),
          "report.md": renderMarkdown(report, { charts: extra.charts }),
        };
        claimOutFolder(out, [...OUT_FILES, ...extraNames]);
        // Charts and tables first: report.md never links a file that is not there yet.
        for (const f of extra.files) writeFileAtomic(join(out, f.path), f.content);
        for (const name of OUT_FILES) writeFileAtomic(join(out, name), rendered[name]);
        for (const w of extra.warnings) io.stderr.write(`relaudit: ${w}\n`);
        if (!flags.quiet) {
          const csv =
            format === "csv" ? `, ${extra.files.filter((f) => f.path.endsWith(".csv")).length} CSV tables` : "";
          io.stderr.write(
            `relaudit: wrote ${join(flags.out!, "report.md")}, ${join(flags.out!, "report.json")}, ${extra.charts.length} charts in ${join(flags.out!, "charts")}${flags.png ? " (SVG and PNG)" : ""}${csv}\n`,
          );
        }
      }
      if (format === "json") for (const piece of renderJsonChunks(report)) io.stdout.write(piece);
      else if (format !== "csv" && format !== "pptx") io.stdout.write(render(report, format, io, flags));
      if (options.timings)
        io.stderr.write(
          `${JSON.stringify({ timings: { ...options.timings, render: performance.now() - rendering }, workers: options.threads ?? defaultThreads() })}\n`,
        );
      if (flags.failOn && report.checks.some((c) => c.findings.some((f) => severityAtLeast(f.severity, flags.failOn!))))
        exitCode = EXIT.findings;
    });

  addInputOptions(
    program
      .command("validate")
      .description("check every input file and the config, listing every problem (not just the first)")
      .argument("[dir]", "folder holding the input files"),
  ).action(async (dir: string | undefined, flags: CommonFlags) => {
    debug = Boolean(flags.debug);
    const { summary } = await loadInputs(inputOptions(dir, flags));
    for (const f of summary.files) {
      const what =
        f.kind === "config"
          ? "valid"
          : `${f.rows.toLocaleString("en-GB")} rows, ${f.encoding}, ${f.delimiter === "\t" ? "tab" : f.delimiter === "," ? "comma" : `"${f.delimiter}"`}-separated`;
      io.stdout.write(visibleControls(`ok  ${f.kind.padEnd(12)} ${f.path} (${what})\n`));
    }
    for (const w of summary.warnings) io.stdout.write(`note ${visibleControls(w)}\n`);
    if (!flags.quiet) io.stdout.write(`\nNo problems found. Boundaries: ${summary.boundaries.join(", ") || "none"}.\n`);
  });

  addSignalsOptions(
    addInputOptions(
      program
        .command("signals")
        .description(
          "print breakdown signals only (for a scheduled run): SPC on relational and delivery series, new/continuing/resolved with --previous",
        )
        .argument("[dir]", "folder holding the input files (a delivery file alone is enough)"),
    ),
  ).action(async (dir: string | undefined, flags: CommonFlags & SignalsFlags) => {
    debug = Boolean(flags.debug);
    exitCode = await runSignals(inputOptions(dir, flags), flags, io);
  });

  addPseudonymOptions(
    addInputOptions(
      program
        .command("explore")
        .description("browse findings, groups, group pairs, series and brokers in the terminal (interactive)")
        .argument(
          "[dir]",
          "a report folder written by audit --out (its report.json is read), or a folder of inputs to audit",
        ),
    ),
  ).action(async (dir: string | undefined, flags: CommonFlags & PseudonymFlags) => {
    debug = Boolean(flags.debug);
    if (!io.stdinIsTTY || !io.stdout.isTTY) {
      io.stderr.write(
        "relaudit: explore is interactive: it needs a terminal for both input and output, and one of them is redirected here.\n" +
          "For a report to pipe or save, run: relaudit audit [DIR] --format markdown (or --format json)\n",
      );
      exitCode = EXIT.input;
      return;
    }
    const key = pseudonymKeyFor(flags, io.env);
    const saved = dir === undefined || hasExplicitFiles(flags) ? null : reportFileIn(resolve(dir));
    let audited: Report;
    if (saved) audited = readReportFile(saved);
    else {
      const progress = progressReporter(io, Boolean(flags.quiet));
      audited = await audit({
        ...inputOptions(dir, flags),
        onPhase: progress.phase,
        onProgress: progress.bytes,
      }).finally(progress.done);
    }
    // As for every output: pseudonyms when asked for, then control characters made visible.
    await runExplorer(withVisibleControls(key ? pseudonymiseReport(audited, key) : audited), {
      color: useColor(io.stdout, io.env, flags.color),
    });
  });

  program
    .command("init")
    .description("write an example relaudit.config.json and header-only CSV templates (never overwrites)")
    .argument("[dir]", "folder to write into", ".")
    .action((dir: string) => {
      const written = initFolder(resolve(dir));
      io.stdout.write(
        `Wrote:\n${written.map((f) => `  ${f}`).join("\n")}\nFill in the CSVs (see docs/inputs.md), then run: relaudit validate ${dir}\n`,
      );
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed usage errors.
    return error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version"
      ? EXIT.ok
      : EXIT.input;
  }
  if (error instanceof InputError) {
    const count = error.problems.length;
    const text = error.problems.map(formatProblem).join("\n\n");
    io.stderr.write(
      `relaudit: ${count === 1 ? "a problem" : `${count} problems`} with the input:\n\n${visibleControls(text)}\n`,
    );
    if (debug && error.stack) io.stderr.write(`\n${error.stack}\n`);
    return EXIT.input;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`relaudit: unexpected error: ${visibleControls(message)}\n`);
  io.stderr.write(
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : "This is a bug in relaudit. Rerun with --debug for details and report it.\n",
  );
  return 3;
}
export { committedWrites, removePendingTempFiles } from "../util/atomic.js";
