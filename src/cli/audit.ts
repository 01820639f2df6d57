// `relaudit audit [DIR]`: the whole pipeline, rendered in the chosen format (the formats registry), to stdout, an
// --out folder (report.md, report.json, charts) or, for a file format, the one file --out names.
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { Option } from "commander";
import { audit, type AuditOptions } from "../pipeline/audit.js";
import { severityAtLeast } from "../model/severity.js";
import { InputError } from "../model/problems.js";
import { isIsoDateTime } from "../load/values.js";
import { defaultThreads } from "../network/betweenness-threads.js";
import { addPseudonymOptions, pseudonymKeyFor, type PseudonymFlags } from "./pseudonym-key.js";
import { pseudonymiseReport } from "../privacy/pseudonymise.js";
import { FOLDER_FILES, FORMATS, formatNamed } from "../report/formats/registry.js";
import type { Format, RenderOptions } from "../report/formats/types.js";
import type { Detail, Report, Severity } from "../result/types.js";
import { writeFileAtomic } from "./atomic.js";
import { withVisibleControls } from "../util/control-characters.js";
import { EXIT, type CliCommand } from "./command.js";
import { progressReporter, useColor, type Io } from "./io.js";
import { addInputOptions, inputOptions, type CommonFlags } from "./options.js";
import { checkOutFile } from "./out-file.js";
import { checkOutFolder, commitOutFolder } from "./out-folder.js";
import type { ChartLink } from "../report/charts/link.js";
import type { OutFile } from "./folder-swap.js";
import { chartFiles, printedAsWritten, renderedAhead } from "./report-files.js";

interface AuditFlags extends CommonFlags, PseudonymFlags {
  format?: string;
  out?: string;
  force?: boolean;
  failOn?: Severity;
  generatedAt?: string;
  png?: boolean;
  skipInvalidRows?: boolean;
  detail?: Detail;
}

type Progress = ReturnType<typeof progressReporter>;

/** The report files of every --out folder, by name: report.md, report.json. */
const REPORT_FILES = FOLDER_FILES.map((f) => `report${f.extension}`);

export const auditCommand: CliCommand<AuditFlags> = {
  define: (program) =>
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
          `report format (default: terminal on a TTY, else markdown): ${FORMATS.map((f) => `${f.name}, ${f.description}`).join("; ")}`,
        ).choices(FORMATS.map((f) => f.name)),
      )
      .option(
        "-o, --out <dir>",
        `also write ${REPORT_FILES.join(", ")} and SVG charts (charts/) into this folder (atomically)`,
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
      .addOption(
        new Option(
          "--detail <level>",
          "summary: the lists the findings, charts and tables use (each cut list says how long it was); full: every list and matrix as analysed",
        )
          .choices(["summary", "full"])
          .default("summary"),
      )
      .option("--generated-at <iso>", "timestamp to record (for reproducible output)"),
  run: runAudit,
};

async function runAudit(dir: string | undefined, flags: AuditFlags, io: Io): Promise<number> {
  const progress = progressReporter(io, Boolean(flags.quiet));
  const options: AuditOptions = {
    ...inputOptions(dir, flags, io.env),
    skipInvalidRows: flags.skipInvalidRows,
    generatedAt: flags.generatedAt,
    detail: flags.detail,
    onPhase: progress.phase,
    onProgress: progress.bytes,
    // RELAUDIT_TIMINGS=1: one JSON line of phase timings on stderr at the end (npm run bench reads it).
    timings: io.env.RELAUDIT_TIMINGS === "1" ? {} : undefined,
  };
  // Settings that can fail are checked before the (possibly long) audit runs.
  checkGeneratedAt(flags.generatedAt);
  const format = formatNamed(flags.format ?? (io.stdout.isTTY ? "terminal" : "markdown"));
  const out = flags.out === undefined ? undefined : resolve(flags.out);
  await checkOutTarget(format, out, flags);
  const key = await pseudonymKeyFor(flags, io.env);
  const audited = await audit(options).finally(progress.done);
  const rendering = performance.now();
  // One enforcement point before any renderer: pseudonyms, then control characters made visible.
  const report = withVisibleControls(key ? pseudonymiseReport(audited, key) : audited);
  const renderOptions: RenderOptions = {
    color: useColor(io.stdout, io.env, flags.color),
    quiet: Boolean(flags.quiet),
    width: io.stdout.columns,
  };
  if (out !== undefined && format.target === "file") {
    progress.phase(`building the ${format.noun}`);
    writeFileAtomic(out, await format.render(report, renderOptions).finally(progress.done));
    if (!flags.quiet) io.stderr.write(`relaudit: wrote ${flags.out}\n`);
  }
  const written =
    out !== undefined && format.target !== "file"
      ? await writeOutFolder(out, report, format, flags, io, progress)
      : undefined;
  if (written) renderOptions.charts = written.charts;
  if (format.target === "stdout") {
    if (format.inlinesCharts && renderOptions.charts === undefined) {
      progress.phase("drawing charts");
      renderOptions.charts = (await chartFiles(report, { png: false }).finally(progress.done)).charts;
    }
    const text = (written && printedAsWritten(format, written.reports)) ?? format.render(report, renderOptions);
    for (const piece of typeof text === "string" ? [text] : text) io.stdout.write(piece);
  }
  if (options.timings)
    io.stderr.write(
      `${JSON.stringify({ timings: { ...options.timings, render: performance.now() - rendering }, workers: options.threads ?? defaultThreads() })}\n`,
    );
  const failed =
    flags.failOn && report.checks.some((c) => c.findings.some((f) => severityAtLeast(f.severity, flags.failOn!)));
  return failed ? EXIT.findings : EXIT.ok;
}

function checkGeneratedAt(generatedAt: string | undefined): void {
  if (generatedAt !== undefined && !isIsoDateTime(generatedAt)) {
    throw new InputError({
      option: "--generated-at",
      message: "invalid timestamp",
      expected: "an ISO 8601 date-time with seconds and a zone, such as 2026-11-23T06:00:00Z",
      found: generatedAt,
    });
  }
}

/** A format that writes files, and --png, need --out; a file format's --out is the file, else it is a folder. */
async function checkOutTarget(format: Format, out: string | undefined, flags: AuditFlags): Promise<void> {
  if (out === undefined && (format.target !== "stdout" || flags.png)) {
    throw new InputError({
      option: format.target === "stdout" ? "--png" : `--format ${format.name}`,
      message: "writes files and needs --out to say where",
      hint: format.target === "file" ? `add --out ${format.defaultFileName}` : "add --out DIR",
    });
  }
  if (out !== undefined && format.target === "file") await checkOutFile(out, format, Boolean(flags.force));
  else if (out !== undefined) checkOutFolder(out, REPORT_FILES, Boolean(flags.force));
}

/** report.md, report.json, report.html, the charts (+ PNG), and a folder format's own files (the CSV tables). */
async function writeOutFolder(
  out: string,
  report: Report,
  format: Format,
  flags: AuditFlags,
  io: Io,
  progress: Progress,
): Promise<{ charts: ChartLink[]; reports: OutFile[] }> {
  progress.phase("drawing charts");
  const charts = await chartFiles(report, { png: Boolean(flags.png) }).finally(progress.done);
  const own = format.target === "folder" ? format.render(report, { color: false, quiet: false }) : [];
  const extra = [...charts.files, ...own];
  const extraNames = extra.map((f) => f.path);
  checkOutFolder(out, extraNames, Boolean(flags.force));
  // Files are complete documents: never quiet, never coloured, linking the charts written beside them.
  const rendered = FOLDER_FILES.map((f) => ({
    path: `report${f.extension}`,
    content: renderedAhead(f.render(report, { color: false, quiet: false, charts: charts.charts })),
  }));
  // One change: the reports, charts and tables appear together, or the folder stays as it was.
  commitOutFolder(out, [...extra, ...rendered]);
  for (const w of charts.warnings) io.stderr.write(`relaudit: ${w}\n`);
  if (!flags.quiet) {
    const files = rendered.map((f) => join(flags.out!, f.path)).join(", ");
    const png = flags.png ? " (SVG and PNG)" : "";
    const tables = format.target === "folder" ? `, ${own.length} ${format.noun}${own.length === 1 ? "" : "s"}` : "";
    io.stderr.write(
      `relaudit: wrote ${files}, ${charts.charts.length} charts in ${join(flags.out!, "charts")}${png}${tables}\n`,
    );
  }
  return { charts: charts.charts, reports: rendered };
}
