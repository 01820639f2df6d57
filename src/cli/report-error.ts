// How a failed run reads on stderr: input problems grouped with their true count (exit 2), usage errors already
// printed by commander (exit 2), anything else a bug (exit 3). Under --pseudonymise nothing read from the input is
// repeated, --debug included: stderr ends up in logs that the pseudonymised outputs were meant to keep ids out of.
import { CommanderError } from "commander";
import { formatProblem, InputError, type Problem } from "../model/problems.js";
import { plural } from "../text/format.js";
import { visibleControls } from "../util/control-characters.js";
import { EXIT } from "./command.js";
import type { Io } from "./io.js";

/** How the run was asked to report: --debug adds stacks; pseudonymised withholds values. */
export interface ErrorReporting {
  debug: boolean;
  pseudonymised: boolean;
}

/**
 * Under --pseudonymise a value found in the input is not repeated on stderr: it may be a person id (an unknown or
 * duplicate id). Values quoted in a message are withheld too ("…"). File, line and column still say where to look.
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

/**
 * A stack for --debug. Its first line repeats the error's message, which may quote input; under --pseudonymise only
 * the frames are shown, which say where in relaudit the run failed and nothing about the data.
 */
function stackOf(error: Error, pseudonymised: boolean): string {
  const stack = error.stack ?? "";
  return pseudonymised
    ? stack
        .split("\n")
        .filter((line) => /^\s+at /.test(line))
        .join("\n")
    : stack;
}

export function reportError(error: unknown, io: Io, { debug, pseudonymised }: ErrorReporting): number {
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
    if (debug) io.stderr.write(`\n${stackOf(error, pseudonymised)}\n`);
    return EXIT.input;
  }
  io.stderr.write(`relaudit: unexpected error: ${unexpectedMessage(error, pseudonymised)}\n`);
  io.stderr.write(
    debug && error instanceof Error
      ? `${stackOf(error, pseudonymised)}\n`
      : "This is a bug in relaudit. Rerun with --debug for details and report it.\n",
  );
  return EXIT.bug;
}

/** A bug's message can hold anything the code was looking at, so under --pseudonymise only its kind is shown. */
function unexpectedMessage(error: unknown, pseudonymised: boolean): string {
  if (!pseudonymised) return visibleControls(error instanceof Error ? error.message : String(error));
  const kind = error instanceof Error ? error.name : typeof error;
  return `${kind} (its message is withheld under --pseudonymise, as it may quote the input; rerun without --pseudonymise to see it)`;
}
