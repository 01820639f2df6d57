// Problems with what the user gave us. They are rendered for humans (file, line, column, expected, found, hint)
// and end the run with exit code 2; anything else that escapes is a bug, shown with a stack only under --debug.

export interface Problem {
  file?: string;
  line?: number;
  column?: string | number;
  /** A command-line option (e.g. "--out") the problem is about; shown as `option --out`. */
  option?: string;
  /** A key of relaudit.config.json (e.g. "scales.ps.items"); shown as `key "scales.ps.items"`. */
  key?: string;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
  /** The same problem seen more than once (see ProblemLog): how often, and where first. */
  repeats?: Repeats;
}

/** Where one problem recurs: the true count, and the first few lines, columns and values found. */
export interface Repeats {
  count: number;
  lines: number[];
  columns: string[];
  found: string[];
}

/** How many lines, columns and values a repeated problem lists before "…". */
const LIST = { lines: 5, columns: 5, found: 3 } as const;

export function formatProblem(p: Problem): string {
  const repeats = p.repeats && p.repeats.count > 1 ? p.repeats : undefined;
  const where = [
    p.file,
    repeats ? undefined : p.line !== undefined ? `line ${p.line}` : undefined,
    repeats && repeats.columns.length > 1
      ? `columns ${listed(repeats.columns.map(formatColumn), LIST.columns)}`
      : p.column !== undefined
        ? `column ${formatColumn(p.column)}`
        : undefined,
    p.option !== undefined ? `option ${p.option}` : undefined,
    p.key !== undefined ? `key "${p.key}"` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [where ? `${where}: ${p.message}` : p.message];
  if (repeats) {
    const at =
      repeats.lines.length > 0
        ? `, first on line${repeats.lines.length > 1 ? "s" : ""} ${listed(repeats.lines.map(String), LIST.lines, repeats.count)}`
        : "";
    lines[0] += ` (${repeats.count.toLocaleString("en-GB")} times${at})`;
  }
  if (p.expected !== undefined) lines.push(`  expected: ${p.expected}`);
  if (repeats && repeats.found.length > 1)
    lines.push(`  found:    ${listed(repeats.found.map(boundedEcho), LIST.found)}`);
  else if (p.found !== undefined) lines.push(`  found:    ${boundedEcho(p.found)}`);
  if (p.hint !== undefined) lines.push(`  hint:     ${p.hint}`);
  return lines.join("\n");
}

/** "a, b, c", with "…" when more were seen (`seen`, or the items kept) than are listed. */
function listed(items: string[], max: number, seen = items.length): string {
  return items.slice(0, max).join(", ") + (seen > Math.min(items.length, max) ? ", …" : "");
}

/** Longest text a message repeats whole (longer than any cut text, so cutting twice changes nothing). */
const ECHO_MAX = 80;
const ECHO_SHOWN = 40;

/** A found value as a message shows it: a 200,000-character cell must not become a 200,000-character message. */
function boundedEcho(text: string): string {
  if (text.length <= ECHO_MAX) return text;
  // Never cut between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[ECHO_SHOWN - 1]) ? ECHO_SHOWN - 1 : ECHO_SHOWN;
  return `${text.slice(0, end)}… (${text.length.toLocaleString("en-GB")} characters)`;
}

function formatColumn(column: string | number): string {
  return typeof column === "number" ? String(column) : `"${column}"`;
}

/** One or more problems with the input: files, config or command line. Exit code 2. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    // Kept bounded too: up to 20 problems of a kind are held, and a value can be megabytes.
    const list = (Array.isArray(problems) ? problems : [problems]).map((p) =>
      p.found === undefined ? p : { ...p, found: boundedEcho(p.found) },
    );
    super(list.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = list;
  }

  /** Every occurrence, repeats included. */
  get count(): number {
    return this.problems.reduce((n, p) => n + (p.repeats?.count ?? 1), 0);
  }
}

/**
 * Collects problems so `validate` can list all of them, while `audit` stops at the first file that has any.
 *
 * A problem seen again — the same file, message, expectation and hint, in another row or column — is not listed
 * again: it is counted, with its first lines, columns and values, so a label missing from the config reads as one
 * problem seen 763 times, not 140 copies of one message. Each kind of problem keeps at most `maxPerKind` distinct
 * problems; the rest are counted (a million bad rows, or a million different bad ids, must not fill memory).
 */
export class ProblemLog {
  private readonly groups = new Map<string, Problem & { repeats: Repeats }>();
  private readonly distinctPerKind = new Map<string, number>();
  private readonly cut = new Map<string, number>();
  private readonly skips = new Map<string, SkippedRows>();
  /**
   * With `skipInvalidRows`, a problem confined to one row leaves the row out and is recorded instead of failing the run.
   */
  constructor(
    private readonly maxPerKind = 20,
    readonly skipInvalidRows = false,
  ) {}

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
    const times = problem.repeats?.count ?? 1;
    const key = [problem.file, problem.option, problem.key, problem.message, problem.expected, problem.hint].join(
      "\u0000",
    );
    let group = this.groups.get(key);
    if (!group) {
      const distinct = this.distinctPerKind.get(kind) ?? 0;
      if (distinct >= this.maxPerKind) {
        this.cut.set(kind, (this.cut.get(kind) ?? 0) + times);
        return;
      }
      this.distinctPerKind.set(kind, distinct + 1);
      group = { ...withoutRepeats(problem), repeats: { count: 0, lines: [], columns: [], found: [] } };
      this.groups.set(key, group);
    }
    const r = group.repeats;
    r.count += times;
    const seen = problem.repeats ?? {
      lines: problem.line === undefined ? [] : [problem.line],
      columns: problem.column === undefined ? [] : [String(problem.column)],
      found: problem.found === undefined ? [] : [problem.found],
    };
    // One more column and value than are listed are kept, so the list can say whether there are others.
    for (const line of seen.lines) if (r.lines.length < LIST.lines && !r.lines.includes(line)) r.lines.push(line);
    for (const column of seen.columns)
      if (r.columns.length <= LIST.columns && !r.columns.includes(column)) r.columns.push(column);
    for (const found of seen.found) if (r.found.length <= LIST.found && !r.found.includes(found)) r.found.push(found);
  }

  /** Distinct problems, in the order first seen; one seen more than once carries its `repeats`. */
  get problems(): Problem[] {
    return [...this.groups.values()].map((g) => (g.repeats.count > 1 ? g : withoutRepeats(g)));
  }

  /** Every problem seen, repeats and problems beyond the cap included. */
  get count(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.repeats.count;
    for (const c of this.cut.values()) n += c;
    return n;
  }

  /** Problems counted but not kept, by kind (beyond `maxPerKind` distinct problems of that kind). */
  cutKinds(): [string, number][] {
    return [...this.cut];
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const extra = this.cutKinds().map(([kind, n]) => ({
      message: `more problems like "${kind}", not listed one by one`,
      repeats: { count: n, lines: [], columns: [], found: [] },
    }));
    throw new InputError([...this.problems, ...extra]);
  }
}

function withoutRepeats(group: Problem): Problem {
  const { repeats: _, ...problem } = group;
  return problem;
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
