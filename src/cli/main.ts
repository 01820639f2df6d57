// The command line: one file per command (audit.ts, signals.ts, explore.ts, validate.ts, aggregate.ts, init.ts), listed here.
// `run()` returns the exit code and never calls process.exit: only bin/ touches process.
//   0 ok · 1 findings at or above --fail-on · 2 usage, config or input error · 3 a bug
import { Command } from "commander";
import { VERSION } from "../pipeline/audit.js";
import { aggregateCommand } from "./aggregate.js";
import { auditCommand } from "./audit.js";
import { EXIT, type CliCommand } from "./command.js";
import { exploreCommand } from "./explore.js";
import { initCommand } from "./init.js";
import type { Io } from "./io.js";
import { reportError } from "./report-error.js";
import { signalsCommand } from "./signals.js";
import { validateCommand } from "./validate.js";

export { EXIT } from "./command.js";

/** In --help order. Adding a command: write one file exporting a CliCommand, add one line here. */
const COMMANDS: readonly CliCommand<never>[] = [
  auditCommand,
  validateCommand,
  signalsCommand,
  exploreCommand,
  aggregateCommand,
  initCommand,
];

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("relaudit")
    .description("Audit the relational health of a health & care system and flag relational breakdown early.")
    .version(VERSION)
    .showHelpAfterError("(run relaudit --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const command of COMMANDS)
    command.define(program).action(async (dir: string | undefined, flags: object) => {
      exitCode = await command.run(dir, flags as never, io);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    const pseudonymised = argv.some((a) => a === "--pseudonymise" || a.startsWith("--pseudonym-key-file"));
    return reportError(error, io, { debug: argv.includes("--debug"), pseudonymised });
  }
}

export { committedWrites, removePendingTempFiles } from "./atomic.js";
export { committedFolders, removePendingStaging } from "./folder-swap.js";
