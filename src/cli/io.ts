// Everything the CLI touches outside itself, injected so `run()` can be tested in-process.
export interface OutputStream {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Colour only on a TTY, never with NO_COLOR, TERM=dumb or --no-color (chalk's own detection ignores NO_COLOR). */
export function useColor(stream: OutputStream, env: Io["env"], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY;
}

/** Progress on stderr, only on a TTY and not with --quiet: one line rewritten in place. */
export function progressReporter(io: Io, quiet: boolean) {
  const enabled = io.stderr.isTTY && !quiet;
  let lastDraw = 0;
  let shown = false;
  const draw = (text: string) => {
    if (!enabled) return;
    io.stderr.write(`\r\x1b[2K${text}`);
    shown = true;
  };
  return {
    phase(name: string) {
      draw(`relaudit: ${name}…`);
    },
    bytes(file: string, read: number, total: number) {
      const now = Date.now();
      if (now - lastDraw < 100 && read < total) return;
      lastDraw = now;
      draw(`relaudit: reading ${file} ${Math.floor((100 * read) / Math.max(total, 1))}%`);
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
