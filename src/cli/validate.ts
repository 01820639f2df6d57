// `relaudit validate [DIR]`: reads every input file and the config, and lists every problem (not just the first).
import { loadInputs } from "../load/inputs.js";
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
    const { summary } = await loadInputs(inputOptions(dir, flags));
    for (const f of summary.files) {
      const what =
        f.kind === "config"
          ? "valid"
          : `${f.rows.toLocaleString("en-GB")} rows, ${f.encoding}, ${delimiterName(f.delimiter)}-separated`;
      io.stdout.write(visibleControls(`ok  ${f.kind.padEnd(12)} ${f.path} (${what})\n`));
    }
    for (const w of summary.warnings) io.stdout.write(`note ${visibleControls(w)}\n`);
    if (!flags.quiet) io.stdout.write(`\nNo problems found. Boundaries: ${summary.boundaries.join(", ") || "none"}.\n`);
    return EXIT.ok;
  },
};
