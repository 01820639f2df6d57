// Reproductions of issue 13's robustness items (8, 11, 12, 13, 16): each failed before its fix (exit 3, a crash, a
// wrong line, minutes of work) and must end in exit 2 with a clear, bounded message — or work as documented.
import { describe, expect, it } from "vitest";
import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { BIN, runInProcess } from "../helpers/cli.js";
import { writeFallingContact } from "../helpers/spawn-inputs.js";
import { parseNumber } from "../../src/load/values.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");
const folder = (files: Record<string, string | Buffer>) => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-robust-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};

describe("item 8: numbers are read in one pass, and a long value is echoed cut", () => {
  // Before: a regular expression backtracked quadratically; 200,000 digits took 139 s. The 2,000,000-digit test below
  // would take that parser hours: it runs under a vm time limit, which interrupts synchronous code (regular
  // expressions included; a test's timeout cannot), far above the milliseconds a one-pass parser needs at any load.
  // (A child process would too, for a second of CPU to start Node and tsx.)
  it("a 200,000-digit value followed by x fails with exit 2 and a message of bounded length", async () => {
    const dir = folder({ "delivery.csv": `metric,date,value\nm,2026-05-04,${"1".repeat(200_000)}x\n` });
    const result = await runInProcess(["audit", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`"${"1".repeat(39)}… (200,003 characters)`);
    expect(result.stderr.length).toBeLessThan(1000);
  });

  it("reads the same numbers as before, and refuses the same", () => {
    for (const [text, value] of [
      ["5", 5],
      ["5.", 5],
      [".5", 0.5],
      ["-1.25e3", -1250],
      ["+2E-2", 0.02],
      [" 7 ", 7],
      ["1".repeat(300), Number("1".repeat(300))],
    ] as const)
      expect(parseNumber(text)).toEqual({ ok: true, value });
    for (const text of ["", ".", "+", "e5", "1e", "1e+", "1.2.3", "1 234", "4,5", "1e999"])
      expect(parseNumber(text).ok).toBe(false);
    expect(parseNumber("4,5", true)).toEqual({ ok: true, value: 4.5 });
  });

  it("refuses 2,000,000 digits (with and without a trailing x) in one pass", () => {
    const digits = "9".repeat(2_000_000);
    const script = "`${parseNumber(digits).ok} ${parseNumber(digits + 'x').ok}`";
    const refused = vm.runInNewContext(script, { parseNumber, digits }, { timeout: 240_000 });
    expect(refused, "a time limit stops the parser if it is not one pass").toBe("false false");
  });
});

describe("item 16: an invalid byte sequence is reported on its own line", () => {
  it.each([
    ["a surrogate (ED A0 80)", Buffer.from([0xed, 0xa0, 0x80])],
    ["an overlong form (E0 80 80)", Buffer.from([0xe0, 0x80, 0x80])],
    ["past U+10FFFF (F4 90 80 80)", Buffer.from([0xf4, 0x90, 0x80, 0x80])],
    ["a cut character (E2 82)", Buffer.from([0xe2, 0x82])],
    ["a stray byte (FF)", Buffer.from([0xff])],
  ])("%s on line 2 of six", async (_, bytes) => {
    const body = Buffer.concat([
      Buffer.from("id,organisation\nP1,Org"),
      bytes,
      Buffer.from(" A\nP2,B\nP3,C\nP4,D\nP5,E\n"),
    ]);
    const result = await runInProcess(["audit", folder({ "people.csv": body })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/people\.csv, line 2: the file is not valid UTF-8/);
  });
});

function holdsOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === path);
  } catch {
    return false;
  }
}

describe("item 13: the key file is read with a bound, and the read answers signals", () => {
  it("--pseudonym-key-file /dev/zero is refused at once (exit 2), and so is a 5,000-byte file", async () => {
    const big = join(folder({ "key.txt": "k".repeat(5000) }), "key.txt");
    for (const file of ["/dev/zero", big].filter(existsSync)) {
      const result = await runInProcess(["audit", small, "--pseudonym-key-file", file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a key file: it is longer than any key[\s\S]*at most 4,096 bytes/);
    }
  });

  it("a key file of 4,096 bytes still works", async () => {
    const key = join(folder({ "key.txt": "k".repeat(4096) }), "key.txt");
    expect((await runInProcess(["audit", small, "--pseudonym-key-file", key, "--format", "json"])).code).toBe(0);
  });

  it.skipIf(!existsSync("/proc/self/fd"))("SIGTERM ends a run waiting on a key pipe that never delivers", async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), "relaudit-fifo-")), "key");
    execFileSync("mkfifo", [fifo]);
    // A writer end that never writes, open before relaudit starts: relaudit waits on the pipe for its key.
    const writer = openSync(fifo, constants.O_RDWR);
    const child = spawn(process.execPath, [BIN, "audit", small, "--pseudonym-key-file", fifo], {
      env: { PATH: process.env.PATH, NO_COLOR: "1" },
      stdio: "ignore",
    });
    let code: number | null | undefined;
    const exited = new Promise<void>((resolve) => child.on("exit", (c) => ((code = c), resolve())));
    while (code === undefined && !holdsOpen(child.pid!, fifo)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGTERM");
    // Before the fix the process sat in a blocking read and never ran its SIGTERM handler: it is killed here instead.
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(killer);
    closeSync(writer);
    expect(code).toBe(143);
  });
});

describe("item 12: names from config and data never touch object prototypes", () => {
  const PROTO = ["__proto__", "constructor", "valueOf", "toString", "hasOwnProperty", "isPrototypeOf"];

  it("config keys __proto__, valueOf, constructor are unknown keys (exit 2), at the top and inside", async () => {
    const dir = folder({
      "delivery.csv": "metric,date,value\nm,2026-05-04,1\n",
      "relaudit.config.json":
        '{"__proto__": {"minGroupSize": 1}, "valueOf": 1, "constructor": [], "metrics": {"m": {"better": "lower", "toString": 1}}}',
    });
    const result = await runInProcess(["validate", dir]);
    expect(result.code).toBe(2);
    for (const key of ["__proto__", "valueOf", "constructor", "metrics.m.toString"])
      expect(result.stderr).toContain(`unknown key "${key.split(".").pop()}"`);
  });

  it("a preset, scale, label or metric named like a prototype member is an ordinary name", async () => {
    const dir = folder({
      "survey.csv": `wave,team,__proto__,constructor\n${Array.from({ length: 12 }, (_, i) => `2026-01,T${i % 2},Agree,${1 + (i % 5)}`).join("\n")}\n`,
      "relaudit.config.json": JSON.stringify({
        answerLabels: { Agree: 4, valueOf: 2 },
        scales: { constructor: { items: ["__proto__", "constructor"], min: 1, max: 5 } },
      }),
    });
    const result = await runInProcess(["audit", dir, "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const scale = JSON.parse(result.stdout).survey.scales.find((s: { id: string }) => s.id === "constructor");
    expect(scale.items.map((i: { id: string }) => i.id)).toEqual(["__proto__", "constructor"]);
    const shown = scale.groups.filter((g: { suppressed: boolean }) => !g.suppressed);
    expect(shown.map((g: { value: string; n: number }) => [g.value, g.n]).sort()).toEqual([
      ["T0", 6],
      ["T1", 6],
    ]);
    const bad = folder({
      "survey.csv": "wave,PS1\n2026-01,4\n",
      "relaudit.config.json": JSON.stringify({ scales: { ps: { preset: "constructor", items: ["PS1"] } } }),
    });
    expect((await runInProcess(["validate", bad])).code).toBe(2);
  });

  it("a people column and group values named __proto__, constructor, valueOf are boundaries and groups like any", async () => {
    const people = ["id,__proto__,team"];
    const interactions = ["from,to,timestamp,channel"];
    for (let i = 0; i < 24; i++) people.push(`u${i},${PROTO[i % 3]},${PROTO[3 + (i % 3)]}`);
    for (let i = 0; i < 24; i++)
      interactions.push(`u${i},u${(i + 1) % 24},2026-05-0${1 + (i % 7)}T09:00:00Z,${PROTO[i % 6]}`);
    const dir = folder({ "people.csv": `${people.join("\n")}\n`, "interactions.csv": `${interactions.join("\n")}\n` });
    const result = await runInProcess([
      "audit",
      dir,
      "--format",
      "json",
      "--boundary",
      "__proto__",
      "--boundary",
      "team",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const network = JSON.parse(result.stdout).network;
    const groups = (attribute: string) =>
      network.boundaries
        .find((b: { attribute: string }) => b.attribute === attribute)
        .groups.map((g: { value: string; n: number }) => [g.value, g.n])
        .sort();
    expect(groups("__proto__")).toEqual([
      ["__proto__", 8],
      ["constructor", 8],
      ["valueOf", 8],
    ]);
    expect(groups("team")).toEqual([
      ["hasOwnProperty", 8],
      ["isPrototypeOf", 8],
      ["toString", 8],
    ]);
  });
});

describe("item 11: --previous is checked against the schema, with the path of the bad field", () => {
  // Any report with a signal will do: a small system with one (the demo's signals cost ten times the CPU per run).
  const input = join(folder({}), "input");
  writeFallingContact(input);
  let earlier: { signals: Record<string, unknown>[] } | null = null;
  const previous = async (change: (report: { signals: Record<string, unknown>[] }) => unknown) => {
    earlier ??= JSON.parse((await runInProcess(["signals", input, "--format", "json"])).stdout);
    const copy = structuredClone(earlier!);
    const changed = change(copy) ?? copy;
    const dir = folder({});
    const path = join(dir, "previous.json");
    writeFileSync(path, typeof changed === "string" ? changed : JSON.stringify(changed));
    return runInProcess(["signals", input, "--previous", path, "--format", "json"]);
  };
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

  it.each([
    [
      "a missing field",
      (r: { signals: Record<string, unknown>[] }) => void delete r.signals[0].subject,
      "$.signals[0].subject",
    ],
    [
      "a non-array groups",
      (r: { signals: Record<string, unknown>[] }) =>
        void ((r.signals[0].subject as { groups: unknown }).groups = "OrgA"),
      "$.signals[0].subject.groups",
    ],
    [
      "200,000 nested arrays as evidence",
      (r: { signals: Record<string, unknown>[] }) =>
        JSON.stringify(r).replace('"evidence":[', `"evidence":[${deep(200_000)},`),
      "$.signals[0].evidence[0]",
    ],
    ["200,000 nested arrays as the whole file", () => deep(200_000), "$"],
    ["signals that are not a list", (r: { signals: unknown }) => void (r.signals = { id: "x" }), "$.signals"],
  ])("%s: exit 2 naming %s", async (_, change, path) => {
    const result = await previous(change as (r: { signals: Record<string, unknown>[] }) => unknown);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path} is not as a relaudit report has it`);
    expect(result.stderr.length).toBeLessThan(2000);
  });

  it("fields a signal does not have are not carried into the new report, however deep", async () => {
    const result = await previous((r) => {
      r.signals[0].id = "gone-since";
      return JSON.stringify(r).replace('"id":"gone-since"', `"id":"gone-since","extra":${deep(200_000)}`);
    });
    expect(result.code, result.stderr).toBe(0);
    const resolved = JSON.parse(result.stdout).signals.find((s: { id: string }) => s.id === "gone-since");
    expect(resolved.status).toBe("resolved");
    expect(resolved).not.toHaveProperty("extra");
  });
});

describe("item 16: settings that crashed are usage errors", () => {
  it('--delimiter "" is refused (exit 2)', async () => {
    const result = await runInProcess(["audit", small, "--delimiter", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--delimiter[\s\S]*one character/);
  });

  it.each(["March 7", "2026-11-23", "2026-11-23 06:00", "2026-02-30T06:00:00Z", "2026-11-23T06:00:00"])(
    "--generated-at %j is refused: it must be an ISO 8601 date-time with a zone",
    async (value) => {
      const result = await runInProcess(["audit", small, "--generated-at", value, "--format", "json"]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/--generated-at[\s\S]*ISO 8601/);
    },
  );

  it("--generated-at with an offset or fractional seconds is accepted as given", async () => {
    for (const value of ["2026-11-23T06:00:00+01:00", "2026-11-23T06:00:00.250Z"]) {
      const result = await runInProcess(["audit", small, "--generated-at", value, "--format", "json"]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).generatedAt).toBe(value);
    }
  });

  it("explore on a folder whose report.json is a stub: exit 2 naming the missing field", async () => {
    const dir = folder({ "report.json": '{"tool":{"name":"relaudit"},"schemaVersion":"1.0.0","checks":[]}' });
    let stderr = "";
    const { run } = await import("../../src/cli/main.js");
    const code = await run(["explore", dir], {
      stdout: { write: () => undefined, isTTY: true, columns: 80 },
      stderr: { write: (s) => void (stderr += s), isTTY: false },
      stdinIsTTY: true,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/\$\.generatedAt is not as a relaudit report has it/);
  });
});

describe("the minimum group size has a floor of 3", () => {
  it("--min-group-size 2 and minGroupSize 2 are refused (exit 2) with the reason; 3 is accepted", async () => {
    const flag = await runInProcess(["audit", small, "--min-group-size", "2"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/≥ 3: in a group of 2 each respondent can work out the other's answers/);
    const dir = folder({
      "delivery.csv": "metric,date,value\nm,2026-05-04,1\n",
      "relaudit.config.json": '{"minGroupSize": 2}',
    });
    const config = await runInProcess(["validate", dir]);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/minGroupSize[\s\S]*a whole number ≥ 3/);
    expect((await runInProcess(["audit", small, "--min-group-size", "3", "--format", "json"])).code).toBe(0);
  });
});

describe("bidirectional controls and formulas after a semicolon", () => {
  it("U+202E and the other bidi controls are shown as their code in every output; CSV cells neutralise ;=", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-bidi-"));
    const { writeSystem } = await import("./system.js");
    let i = 0;
    writeSystem(dir, { label: (l) => (i++ % 2 ? `\u202eevil\u2066 ${l}` : `x;=HYPERLINK("http://e.example") ${l}`) });
    const out = join(dir, "out");
    const result = await runInProcess(["audit", dir, "--format", "csv", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const { readdirSync: list, readFileSync: read } = await import("node:fs");
    const files = (list(out, { recursive: true }) as string[]).filter((n) => /\.(md|json|csv|svg)$/.test(n));
    for (const name of files) {
      const text = read(join(out, name), "utf8");
      expect(text, name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      if (name.endsWith(".csv")) expect(text, name).not.toMatch(/;\s*"*=/);
    }
    expect(read(join(out, "report.json"), "utf8")).toContain("[U+202E]evil[U+2066]");
  });
});

describe("stderr under --pseudonymise", () => {
  it("an unknown person id in interactions.csv is not repeated in the error message", async () => {
    const dir = folder({
      "people.csv": "id,organisation\nu1zq,A\nu2zq,B\n",
      "interactions.csv": "from,to,timestamp\nu1zq,secret9zq,2026-05-04T09:00:00Z\n",
    });
    const env = { RELAUDIT_PSEUDONYM_KEY: "0123456789abcdef0123" };
    const plain = await runInProcess(["audit", dir], { env });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("secret9zq");
    const pseudonymised = await runInProcess(["audit", dir, "--pseudonymise"], { env });
    expect(pseudonymised.code).toBe(2);
    expect(pseudonymised.stderr).not.toContain("secret9zq");
    expect(pseudonymised.stderr).toContain(`interactions.csv, line 2, column "to": unknown person id "…"`);
  });
});
