// Problems with what the user gave us. They are rendered for humans (file, line, column, expected, found, hint)
// and end the run with exit code 2; anything else that escapes is a bug, shown with a stack only under --debug.

export interface Problem {
  file?: string;
  line?: number;
  column?: string | number;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.column !== undefined ? `column ${formatColumn(p.column)}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [where ? `${where}: ${p.message}` : p.message];
  if (p.expected !== undefined) lines.push(`  expected: ${p.expected}`);
  if (p.found !== undefined) lines.push(`  found:    ${p.found}`);
  if (p.hint !== undefined) lines.push(`  hint:     ${p.hint}`);
  return lines.join("\n");
}

function formatColumn(column: string | number): string {
  return typeof column === "number" ? String(column) : `"${column}"`;
}

/** One or more problems with the input: files, config or command line. Exit code 2. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = list;
  }
}

/** Collects problems so `validate` can list all of them, while `audit` stops at the first file that has any. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  private readonly perKind = new Map<string, number>();
  private readonly skips = new Map<string, SkippedRows>();
  /**
   * Problems beyond `maxPerKind` of one kind are counted, not kept: a million bad rows must not fill memory.
   * With `skipInvalidRows`, a problem confined to one row leaves the row out and is recorded instead of failing the run.
   */
  constructor(
    private readonly maxPerKind = 20,
    readonly skipInvalidRows = false,
  ) {}
  suppressed = 0;

  /**
   * A problem confined to one row (the caller leaves the row out). `reason` names the kind of problem and must not
   * contain cell values: it is shown in reports, and the number of distinct reasons bounds the memory used.
   */
  invalidRow(problem: Problem & { file: string; line: number }, reason: string): void {
    const key = `${problem.file}: ${reason}`;
    if (!this.skipInvalidRows) return this.add(problem, key);
    let skipped = this.skips.get(key);
    if (!skipped) {
      skipped = { file: problem.file, reason, rows: 0, examples: [] };
      this.skips.set(key, skipped);
    }
    skipped.rows++;
    if (skipped.examples.length < this.maxPerKind) {
      skipped.examples.push(
        problem.column === undefined ? { line: problem.line } : { line: problem.line, column: String(problem.column) },
      );
    }
  }

  /** Rows left out under --skip-invalid-rows, most first (then by file and reason, for stable output). */
  skipped(): SkippedRows[] {
    return [...this.skips.values()].sort(
      (a, b) => b.rows - a.rows || byCodeUnits(a.file, b.file) || byCodeUnits(a.reason, b.reason),
    );
  }

  add(problem: Problem, kind = problem.message): void {
    const seen = this.perKind.get(kind) ?? 0;
    this.perKind.set(kind, seen + 1);
    if (seen < this.maxPerKind) this.problems.push(problem);
    else this.suppressed++;
  }

  get count(): number {
    return this.problems.length + this.suppressed;
  }

  /** Counts of problems per kind that were cut from the list. */
  cutKinds(): [string, number][] {
    return [...this.perKind].filter(([, n]) => n > this.maxPerKind).map(([k, n]) => [k, n - this.maxPerKind]);
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const extra = this.cutKinds().map(([kind, n]) => ({ message: `…and ${n} more like "${kind}"` }));
    throw new InputError([...this.problems, ...extra]);
  }
}

/** Locale-independent order, so output is the same on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const norm = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");
  for (const candidate of candidates) {
    // Separators count for little: "PS_2" is the likeliest meaning of "PS2".
    const d = editDistance(norm(word), norm(candidate));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Rows left out under --skip-invalid-rows, by file and reason (never the cell values). */
export interface SkippedRows {
  file: string;
  /** Why, without any cell value (values can be person ids or free text): "unknown person id", "invalid date in joined". */
  reason: string;
  rows: number;
  /** The first few (at most 20) by line and column, so they can be found; `relaudit validate` shows the values. */
  examples: { line: number; column?: string }[];
}
