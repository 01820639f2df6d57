// The pseudonymisation key: from --pseudonym-key-file, else the RELAUDIT_PSEUDONYM_KEY environment variable. Never
// from the config file or a plain flag, where it would end up in version control or the shell history.
import { closeSync, constants, openSync, readSync } from "node:fs";
import type { Command } from "commander";
import { InputError } from "../model/problems.js";
import { MIN_KEY_BYTES } from "../privacy/pseudonymise.js";

const KEY_ENV = "RELAUDIT_PSEUDONYM_KEY";
const MAKE_KEY =
  "make one with: openssl rand -hex 32 > relaudit.key (keep it secret, and the same between runs so pseudonyms stay stable)";

/** Far more than any key needs (32 random bytes, 64 as hex); a larger file is not a key (say, /dev/zero). */
const MAX_KEY_FILE_BYTES = 4096;

/**
 * At most MAX_KEY_FILE_BYTES + 1 bytes: an endless file (/dev/zero) is refused at once. The file is opened without
 * blocking and a pipe (`--pseudonym-key-file <(pass show relaudit)`) that has nothing yet is polled between
 * event-loop turns, never waited on by a blocked thread, so SIGINT and SIGTERM are answered while it waits (a thread
 * stuck in read() would hold up even process.exit).
 */
async function readKeyFile(keyFile: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(openSync(keyFile, constants.O_RDONLY | constants.O_NONBLOCK));
  } catch (error) {
    throw new InputError({
      file: keyFile,
      option: "--pseudonym-key-file",
      message: "cannot read the key file",
      found: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (bytes.length > MAX_KEY_FILE_BYTES)
    throw new InputError({
      file: keyFile,
      option: "--pseudonym-key-file",
      message: "this is not a key file: it is longer than any key",
      expected: `at most ${MAX_KEY_FILE_BYTES.toLocaleString("en-GB")} bytes`,
      found: "more",
      hint: MAKE_KEY,
    });
  return bytes;
}

const POLL_MS = 20;

async function readBounded(fd: number): Promise<Buffer> {
  try {
    const bytes = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, bytes, length, bytes.length - length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      length += read;
      if (read === 0 || length === bytes.length) return bytes.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

async function readPseudonymKey(
  keyFile: string | undefined,
  env: Record<string, string | undefined>,
): Promise<Uint8Array> {
  let key: Uint8Array;
  let source: string;
  if (keyFile !== undefined) {
    const bytes = await readKeyFile(keyFile);
    // Editors and `echo` add a final newline; it is not part of the key.
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
    key = bytes.subarray(0, end);
    source = keyFile;
  } else if (env[KEY_ENV] !== undefined && env[KEY_ENV] !== "") {
    key = Buffer.from(env[KEY_ENV]!, "utf8");
    source = KEY_ENV;
  } else {
    throw new InputError({
      option: "--pseudonymise",
      message: "--pseudonymise needs a secret key",
      hint: `set ${KEY_ENV} or pass --pseudonym-key-file FILE; ${MAKE_KEY}`,
    });
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new InputError({
      option: keyFile !== undefined ? "--pseudonym-key-file" : KEY_ENV,
      message: `the pseudonymisation key from ${source} is too short`,
      expected: `at least ${MIN_KEY_BYTES} bytes`,
      found: `${key.length} bytes`,
      hint: `a short key lets anyone who guesses the ids recover them; ${MAKE_KEY}`,
    });
  }
  return key;
}

export interface PseudonymFlags {
  pseudonymise?: boolean;
  pseudonymKeyFile?: string;
}

/** The two flags every command that prints person ids takes. */
export function addPseudonymOptions(command: Command): Command {
  return command
    .option("--pseudonymise", `replace every person id in every output with a keyed pseudonym (key: ${KEY_ENV})`)
    .option("--pseudonym-key-file <file>", "read the pseudonymisation key from this file (implies --pseudonymise)");
}

/** The key when pseudonyms were asked for, else null. */
export async function pseudonymKeyFor(
  flags: PseudonymFlags,
  env: Record<string, string | undefined>,
): Promise<Uint8Array | null> {
  return flags.pseudonymise || flags.pseudonymKeyFile !== undefined
    ? readPseudonymKey(flags.pseudonymKeyFile, env)
    : null;
}
