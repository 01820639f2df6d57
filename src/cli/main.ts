// The command line: one file per command (audit.ts, signals.ts, explore.ts, validate.ts, aggregate.ts, init.ts), listed here.
// `run()` returns the exit code and never calls process.exit: only bin/ touches process.
//   0 ok · 1 findings at or above --fail-on · 2 usage, config or input error · 3 a bug
import { Command, CommanderError } from "commander";
import { VERSION } from "../pipeline/audit.js";
import { formatProblem, InputError, type Problem } from "../model/problems.js";
import { plural } from "../text/format.js";
import { visibleControls } from "../util/control-characters.js";
import { aggregateCommand } from "./aggregate.js";
import { auditCommand } from "./audit.js";
import { EXIT, type CliCommand } from "./command.js";
import { exploreCommand } from "./explore.js";
import { initCommand } from "./init.js";
import type { Io } from "./io.js";
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
    return reportError(error, io, argv.includes("--debug"), pseudonymised);
  }
}

/**
 * Under --pseudonymise a value found in the input is not repeated on stderr: it may be a person id (an unknown or
 * duplicate id), and stderr ends up in logs. Values quoted in a message are withheld too ("…"). File, line and
 * column still say where to look.
 */
const WITHHELD = "(withheld under --pseudonymise: see the line and column in the file)";

/** A problem as stderr shows it under --pseudonymise: the values found and quoted withheld, the place kept. */
function withheld(p: Problem): Problem {
  return {
    ...p,
    message: p.message.replace(/"[^"]*"/g, '"…"'),
    ...(p.found === undefined ? {} : { found: WITHHELD }),
    ...(p.repeats === undefined ? {} : { repeats: { ...p.repeats, found: [] } }),
  };
}

function reportError(error: unknown, io: Io, debug: boolean, pseudonymised = false): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed usage errors.
    return error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version"
      ? EXIT.ok
      : EXIT.input;
  }
  if (error instanceof InputError) {
    // Repeats are counted, not listed: "763 problems (1 kind)" over one grouped line, not 140 copies.
    const count = error.count;
    const kinds = error.problems.length;
    const what =
      count === 1
        ? "a problem"
        : `${count.toLocaleString("en-GB")} problems${kinds < count ? ` (${plural(kinds, "kind")})` : ""}`;
    const problems = pseudonymised ? error.problems.map(withheld) : error.problems;
    const text = problems.map(formatProblem).join("\n\n");
    io.stderr.write(`relaudit: ${what} with the input:\n\n${visibleControls(text)}\n`);
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

export { committedWrites, removePendingTempFiles } from "./atomic.js";
export { committedFolders, removePendingStaging } from "./folder-swap.js";
