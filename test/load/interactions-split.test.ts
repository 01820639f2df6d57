// interactions.csv read on two threads (src/load/interactions-split.ts) must give exactly what one thread gives —
// the ties with every sum, channel and period in order, the roster, the counts, the warnings, every problem — wherever
// the cut falls: at every line start of generated files (quoted fields with line breaks inside among them, so some
// cuts fall inside a record), the rest read in this process by the function the worker runs (interactions-range.ts).
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessRest, setSplitPlan, type RangeJob, type SplitPlan } from "../../src/load/interactions-split.js";
import { readRange } from "../../src/load/interactions-range.js";
import { comparableLoad, rosterOf } from "../helpers/interactions-load.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(40, 400);
const KNOWN = ["P1", "P2", "P3", "P4"];

/** Fields and rows of a file: plain ones only, or now and then an odd one (`odd`). */
function rowsOf(odd: boolean) {
  const mostly = <T>(plain: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
    odd ? fc.oneof({ weight: 30, arbitrary: plain }, { weight: 1, arbitrary: other }) : plain;
  const id = mostly(fc.constantFrom(...KNOWN), fc.constantFrom("P9", " P1", "", "Zoë", "NA"));
  const timestamp = mostly(
    fc.constantFrom("2026-05-04T09:30:00Z", "2026-05-05", "2026-05-12", "2026-06-01T08:00:00Z", ""),
    fc.constantFrom("04/05/2026", "2026-02-30", "yesterday", "2026-05-04T09:30:00+01:00"),
  );
  // Sums with 0.01 or 2^53 in them depend on the order of adding (0.01 + 2 + 14 ≠ 0.01 + (2 + 14), 2^53 + 1 + 1 ≠
  // 2^53 + (1 + 1)): the worker's part must then be refused. (2.5 or 999999999999999 would not do: halves and those
  // sums are exact in any order.)
  const count = mostly(
    fc.constantFrom("", "1", "2", "0", "15"),
    fc.constantFrom("0.01", "x", "-1", "9007199254740992"),
  );
  const note = mostly(fc.constantFrom("", "ok"), fc.constantFrom('"two\nlines"', '"a, b"', '"x\n"'));
  const channel = fc.constantFrom("email", "Chat", "1:1");
  const row = fc.tuple(id, id, timestamp, channel, count, count, note).map((r) => r.join(","));
  const line = mostly(row, fc.constantFrom("", "P1,P2", "P1,P2,,,,,,extra"));
  return fc.array(line, { minLength: 1, maxLength: 24 });
}

const system = fc.record({
  rows: fc.boolean().chain(rowsOf),
  withPeople: fc.boolean(),
  skipInvalidRows: fc.boolean(),
  period: fc.constantFrom<"week" | "month">("week", "month"),
  window: fc.constantFrom<[number | null, number | null]>([null, null], [Date.UTC(2026, 4, 5), null]),
  // Small reads cross the cut and the lines everywhere, on both threads (a line longer than the worker's buffer too).
  chunkBytes: fc.constantFrom(undefined, 7, 64),
});
type System = typeof system extends fc.Arbitrary<infer T> ? T : never;

/** Everything the load gives, comparable with toEqual, with this many threads. */
const load = (path: string, s: System, threads: number) =>
  comparableLoad(path, { ...s, people: s.withPeople ? rosterOf(KNOWN) : null, threads });

/** The settings of the fixed cases: people.csv given, weekly periods, no window, the reader's own chunk size. */
const FIXED: System = {
  rows: [],
  withPeople: true,
  skipInvalidRows: false,
  period: "week",
  window: [null, null],
  chunkBytes: undefined,
};

describe("interactions on two threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-split-"));
  let before: SplitPlan;
  let taken = 0;
  /** The worker's function in this process, reading as many bytes at a time as the main thread. */
  let chunkBytes: number | undefined;
  const rest = (job: RangeJob) =>
    chunkBytes
      ? { part: Promise.resolve(readRange(job.path, job.offset, job.setup, chunkBytes)), stop: async () => undefined }
      : inProcessRest(job);
  beforeAll(() => {
    before = setSplitPlan({ minBytes: 0, readRest: (job) => ({ ...rest(job), taken: () => taken++ }) });
  });
  afterAll(() => {
    setSplitPlan(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a cut inside a quoted field: the main thread reads on, to the same result", async () => {
    const rows = ["P1,P2,2026-05-05,email,1,2,ok", 'P2,P3,2026-05-05,chat,1,2,"two\nP1,P2,2026-05-05,email,9,9,ok"'];
    const path = join(dir, "quoted.csv");
    writeFileSync(path, ["from,to,timestamp,channel,weight,duration_minutes,note", ...rows, ...rows].join("\n") + "\n");
    const reference = await load(path, FIXED, 1);
    const takenBefore = taken;
    // Just after the line break inside the quotes: the worker would read `P1,P2,…,9,9,ok"` as a row of its own.
    setSplitPlan({ cutAt: () => readFileSync(path).indexOf("two\n") + 4 });
    expect(await load(path, FIXED, 2)).toEqual(reference);
    expect(taken).toBe(takenBefore);
    expect(reference).toMatchObject({ interactions: { rows: 4 } });
  });

  /** Loads `lines` on one thread, then on two with the worker's part starting at `restFrom`: the same, and taken? */
  async function cutBefore(lines: string[], restFrom: number) {
    const path = join(dir, `fixed${taken}-${restFrom}.csv`);
    const head = ["from,to,timestamp,channel,weight,duration_minutes,note", ...lines.slice(0, restFrom)].join("\n");
    writeFileSync(path, [head, ...lines.slice(restFrom)].join("\n") + "\n");
    chunkBytes = undefined;
    const reference = await load(path, FIXED, 1);
    const takenBefore = taken;
    setSplitPlan({ cutAt: () => head.length + 1 });
    expect(await load(path, FIXED, 2)).toEqual(reference);
    return { reference, taken: taken > takenBefore };
  }

  // Row by row, 0.01 + 2 + 14 = 16.009999999999998; once per cell, 0.01 + (2 + 14) = 16.01: a fraction before the cut
  // must make the main thread read the rest itself (exactSums, `fractional`).
  it("a fraction before the cut: the worker's sums are not added once per cell", async () => {
    const tie = (n: string) => `P1,P2,2026-05-05T09:30:00Z,email,${n},${n},ok`;
    const other = "P3,P4,2026-05-05T09:30:00Z,email,1,1,ok";
    const { reference, taken } = await cutBefore([tie("0.01"), other, tie("2"), tie("14")], 2);
    expect(reference).toMatchObject({ ties: [{ weight: 0.01 + 2 + 14, durationMinutes: 0.01 + 2 + 14 }, {}] });
    expect(taken).toBe(false);
  });

  // Row by row, 2^53 + 1 + 1 = 2^53 (each 1 rounds away); once per cell, 2^53 + (1 + 1) = 2^53 + 2.
  it("sums reaching 2^53: the worker's sums are not added once per cell", async () => {
    const tie = (n: string) => `P1,P2,2026-05-05T09:30:00Z,email,${n},${n},ok`;
    const other = "P3,P4,2026-05-05T09:30:00Z,email,1,1,ok";
    const { reference, taken } = await cutBefore([tie("9007199254740992"), other, tie("1"), tie("1")], 2);
    expect(reference).toMatchObject({ ties: [{ weight: 2 ** 53, durationMinutes: 2 ** 53 }, {}] });
    expect(taken).toBe(false);
  });

  // Whole numbers below 2^53 on both sides: the worker's part is taken (the two cases above are not vacuous).
  it("whole sums below 2^53: the worker's part is merged", async () => {
    const tie = (n: string) => `P1,P2,2026-05-05T09:30:00Z,email,${n},${n},ok`;
    const other = "P3,P4,2026-05-05T09:30:00Z,email,1,1,ok";
    const { taken } = await cutBefore([tie("2"), other, tie("1"), tie("14")], 2);
    expect(taken).toBe(true);
  });

  // Files this small never form a cadence in the property test. Weekly snapshot dates on both sides of the cut: the
  // worker's days count; then a time of day after the cut (the worker's days are null: an event log) must undo the
  // weekly cadence the main thread's three dates alone would give.
  it("weekly snapshot dates on both sides of the cut: the same cadence, or none", async () => {
    const week = (day: string) => [`P1,P2,${day},email,1,1,ok`, `P3,P4,${day},email,2,2,ok`];
    const before = [...week("2026-05-04"), ...week("2026-05-11"), ...week("2026-05-18")];
    const weekly = await cutBefore([...before, ...week("2026-05-25"), ...week("2026-06-01")], before.length);
    expect(weekly.taken).toBe(true);
    expect(weekly.reference).toMatchObject({ snapshot: { period: "week" } });
    expect(weekly.reference).toMatchObject({ snapshot: { days: { length: 5 } } });
    const timed = [...week("2026-05-25"), ...week("2026-06-01T09:30:00Z")];
    const log = await cutBefore([...before, ...timed], before.length);
    expect(log.taken).toBe(true);
    expect(log.reference).toMatchObject({ snapshot: null });
  });

  // Two whole rows before the cut (enough to merge), then a quote that never closes: the lines after the cut read like
  // plain rows to the worker, so only the quote seen before the cut (cutChunks' `clean`) keeps the worker's part out.
  it("a quote still open at the cut after whole rows: the main thread reads the rest itself", async () => {
    const open = ["P1,P2,2026-05-05,email,1,2,ok", "P3,P4,2026-05-05,email,1,2,ok", 'P2,P3,2026-05-05,chat,1,2,"two'];
    const inside = ["P1,P2,2026-05-05,email,9,9,ok", "P1,P2,2026-05-05,email,9,9,ok"];
    const { reference, taken } = await cutBefore([...open, ...inside], open.length);
    expect(taken).toBe(false);
    expect(reference).toMatchObject({ error: [{ line: 6, found: expect.stringContaining("Quote Not Closed") }] });
  });

  it("give what one thread gives, cut at every line start", async () => {
    let files = 0;
    let cuts = 0;
    await fc.assert(
      fc.asyncProperty(system, async (s) => {
        const path = join(dir, `i${files++}.csv`);
        writeFileSync(path, ["from,to,timestamp,channel,weight,duration_minutes,note", ...s.rows].join("\n") + "\n");
        chunkBytes = s.chunkBytes;
        const reference = await load(path, s, 1);
        const bytes = readFileSync(path);
        for (let lf = bytes.indexOf(10); lf >= 0; lf = bytes.indexOf(10, lf + 1)) {
          // The cut moves on to the next line start: one just after this line end stays there.
          setSplitPlan({ cutAt: () => lf + 1 });
          expect(await load(path, s, 2)).toEqual(reference);
          cuts++;
        }
      }),
      { numRuns: RUNS },
    );
    // The worker's part must have been merged often, and refused (a quote, an odd row, too few rows) often too.
    expect(taken).toBeGreaterThan(cuts / 4);
    expect(taken).toBeLessThan(cuts);
  }, 120_000);
});
