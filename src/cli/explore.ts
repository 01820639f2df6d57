// `relaudit explore [DIR]`: the interactive explorer, of a report folder (its report.json) or of inputs audited now.
import { resolve } from "node:path";
import { audit } from "../pipeline/audit.js";
import { runExplorer } from "../explore/app.js";
import { readReportFile, reportFileIn } from "../explore/report-file.js";
import { addPseudonymOptions, pseudonymKeyFor, type PseudonymFlags } from "./pseudonym-key.js";
import { pseudonymiseReport } from "../privacy/pseudonymise.js";
import type { Report } from "../result/types.js";
import { withVisibleControls } from "../util/control-characters.js";
import { EXIT, type CliCommand } from "./command.js";
import { progressReporter, useColor } from "./io.js";
import { addInputOptions, hasExplicitFiles, inputOptions, type CommonFlags } from "./options.js";

export const exploreCommand: CliCommand<CommonFlags & PseudonymFlags> = {
  define: (program) =>
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
    ),
  async run(dir, flags, io) {
    if (!io.stdinIsTTY || !io.stdout.isTTY) {
      io.stderr.write(
        "relaudit: explore is interactive: it needs a terminal for both input and output, and one of them is redirected here.\n" +
          "For a report to pipe or save, run: relaudit audit [DIR] --format markdown (or --format json)\n",
      );
      return EXIT.input;
    }
    const key = await pseudonymKeyFor(flags, io.env);
    const saved = dir === undefined || hasExplicitFiles(flags) ? null : reportFileIn(resolve(dir));
    let audited: Report;
    if (saved) audited = await readReportFile(saved);
    else {
      const progress = progressReporter(io, Boolean(flags.quiet));
      audited = await audit({
        ...inputOptions(dir, flags, io.env),
        onPhase: progress.phase,
        onProgress: progress.bytes,
      }).finally(progress.done);
    }
    // As for every output: pseudonyms when asked for, then control characters made visible.
    await runExplorer(withVisibleControls(key ? pseudonymiseReport(audited, key) : audited), {
      color: useColor(io.stdout, io.env, flags.color),
    });
    return EXIT.ok;
  },
};
