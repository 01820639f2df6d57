// What a CLI command is: its definition for commander (name, arguments, options) and what it does. One file per
// command in src/cli; main.ts lists them. `run` returns the exit code and never calls process.exit.
import type { Command } from "commander";
import type { Io } from "./io.js";

export const EXIT = { ok: 0, findings: 1, input: 2, bug: 3 } as const;

export interface CliCommand<Flags> {
  /** Adds the command, its arguments and options to the program. */
  define(program: Command): Command;
  run(dir: string | undefined, flags: Flags, io: Io): Promise<number>;
}
