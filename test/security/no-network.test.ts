// relaudit never opens a network connection: every way Node has to reach the network is replaced by a trap while
// full audits run (every format, charts, CSV tables, pseudonymisation), and the source imports no network module.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import tls from "node:tls";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keepDrawings } from "../../src/report/charts/latest.js";
import { runInProcess } from "../helpers/cli.js";
import { writeSystem } from "./system.js";

const attempts: string[] = [];
const restore: (() => void)[] = [];

/** Replaces `owner[name]` with a function that records the attempt and throws. */
function trap(owner: object, name: string, label: string): void {
  const target = owner as Record<string, unknown>;
  const original = target[name];
  target[name] = function trapped() {
    attempts.push(label);
    throw new Error(`relaudit tried to use the network (${label})`);
  };
  restore.push(() => (target[name] = original));
}

/** The drawings the worker kept (test/helpers/keep-drawings.ts), set back after: here every chart is drawn afresh. */
let kept = 0;

beforeAll(() => {
  // Every audit below draws its charts with Vega, under the traps, rather than getting a drawing made before them.
  kept = keepDrawings(0);
  trap(net.Socket.prototype, "connect", "net.Socket#connect");
  trap(net, "connect", "net.connect");
  trap(net, "createConnection", "net.createConnection");
  trap(tls, "connect", "tls.connect");
  for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) trap(dns, name, `dns.${name}`);
  trap(dns.promises, "lookup", "dns.promises.lookup");
  for (const name of ["request", "get"]) {
    trap(http, name, `http.${name}`);
    trap(https, name, `https.${name}`);
  }
  trap(dgram, "createSocket", "dgram.createSocket");
  trap(globalThis, "fetch", "fetch");
  // Named imports of builtins (import { lookup } from "node:dns") see the traps too.
  syncBuiltinESMExports();
});

afterAll(() => {
  for (const undo of restore.reverse()) undo();
  syncBuiltinESMExports();
  keepDrawings(kept);
});

describe("no network access", () => {
  it("the traps work (a connection attempt is caught)", () => {
    expect(() => net.connect(80, "example.org")).toThrow(/network/);
    expect(attempts).toEqual(["net.connect"]);
    attempts.length = 0;
  });

  it("full audits in every format open no connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-offline-"));
    writeSystem(dir);
    const env = { RELAUDIT_PSEUDONYM_KEY: "an-offline-test-key-0123456789" };
    // Each --out run writes every report, chart and table of its format; Markdown goes to stdout alone, as a
    // fourth --out run of the same charts added nothing but their cost.
    const runs = [
      ["audit", dir, "--format", "terminal", "--png", "--out", join(dir, "out-terminal")],
      ["audit", dir, "--format", "json", "--pseudonymise", "--out", join(dir, "out-json")],
      ["audit", dir, "--format", "csv", "--out", join(dir, "out-csv"), "--skip-invalid-rows"],
      ["audit", dir, "--format", "markdown"],
      ["validate", dir],
    ];
    for (const argv of runs) {
      const { code, stderr } = await runInProcess(argv, { env });
      expect(stderr, argv.join(" ")).not.toContain("unexpected error");
      expect(code, `${argv.join(" ")}: ${stderr}`).toBe(0);
    }
    expect(attempts).toEqual([]);
  });
});

describe("the source", () => {
  it("imports no network module and calls no network API", () => {
    const root = join(import.meta.dirname, "../../src");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(20);
    const forbidden =
      /from\s+["'](node:)?(net|tls|dns|dgram|http|https|http2)["']|\bfetch\s*\(|\bWebSocket\b|\bXMLHttpRequest\b|\bEventSource\b/;
    const offenders = files.filter((f) => forbidden.test(readFileSync(f, "utf8"))).map((f) => f.slice(root.length + 1));
    expect(offenders).toEqual([]);
  });
});
