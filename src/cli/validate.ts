// `relaudit validate [DIR]`: reads every input file and the config, and lists every problem (not just the first).
import { loadInputs } from "../load/inputs.js";
import { plural } from "../text/format.js";
import { visibleControls } from "../util/control-characters.js";
import { EXIT, type CliCommand } from "./command.js";
import { addInputOptions, inputOptions, type CommonFlags } from "./options.js";
import { delimiterName } from "../text/format.js";

export const validateCommand: CliCommand<CommonFlags> = {
  define: (program) =>
    addInputOptions(
      program
        .command("validate")
        .description("check every input file and the config, listing every problem (not just the first)")
        .argument("[dir]", "folder holding the input files"),
    ),
  async run(dir, flags, io) {
    const { summary } = await loadInputs(inputOptions(dir, flags, io.env));
    for (const f of summary.files) {
      const what =
        f.kind === "config"
          ? "valid"
          : `${f.rows.toLocaleString("en-GB")} rows, ${f.encoding}, ${delimiterName(f.delimiter)}-separated`;
      io.stdout.write(visibleControls(`ok  ${f.kind.padEnd(12)} ${f.path} (${what})\n`));
    }
    for (const w of summary.warnings) io.stdout.write(`note ${visibleControls(w)}\n`);
    const notes = summary.warnings.length;
    // Notes can matter (a label map that misses part of a scale): then the last line does not say "no problems".
    const verdict = notes === 0 ? "No problems found" : `No errors found; read the ${plural(notes, "note")} above`;
    if (!flags.quiet) io.stdout.write(`\n${verdict}. Boundaries: ${summary.boundaries.join(", ") || "none"}.\n`);
    return EXIT.ok;
  },
};
