// The explorer view, driven by keys through ink-testing-library.
import { render } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  explorerElement,
  initialView,
  keyAction,
  loadModules,
  navigate,
  type ExplorerModules,
} from "../../src/explore/app.js";
import { explorerTabs } from "../../src/explore/model.js";
import { report } from "../report/charts/fixtures.js";

const KEYS = { down: "\u001B[B", up: "\u001B[A", right: "\u001B[C", left: "\u001B[D", enter: "\r", escape: "\u001B" };

const NO_KEY = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  return: false,
  escape: false,
  tab: false,
  shift: false,
};

let modules: ExplorerModules;
let instance: ReturnType<typeof render> | null = null;

beforeAll(async () => {
  modules = await loadModules();
});

afterEach(() => {
  instance?.unmount();
  instance = null;
});

function start(options: { color?: boolean; rows?: number; columns?: number } = {}) {
  instance = render(
    explorerElement(modules, report(), {
      color: options.color ?? false,
      rows: options.rows ?? 24,
      columns: options.columns ?? 80,
    }),
  );
  return instance;
}

/** vi.waitFor gives up after 1 s by default: on a loaded machine Ink can take longer to draw. */
const PATIENT = { timeout: 120_000, interval: 20 };

async function press(app: ReturnType<typeof render>, key: string, expected: string | RegExp) {
  app.stdin.write(key);
  await vi.waitFor(() => expect(app.lastFrame()).toMatch(expected), PATIENT);
}

describe("relaudit explore (Ink)", () => {
  it("opens on the findings tab with the tab bar, a hint line and counts", () => {
    const app = start();
    const frame = app.lastFrame()!;
    expect(frame).toContain("relaudit explore · 2026-11-23 · 0 critical");
    expect(frame).toMatch(/1 Findings 0 +2 Groups 8 +3 Pairs 3 +4 Series 2 +5 Brokers 2/);
    expect(frame).toContain("No findings: every check passed or had nothing to say.");
    expect(frame).toContain("←→ tabs · ↑↓ move · enter details · q quit");
  });

  it("switches tabs with the arrow keys and digits, and moves the selection", async () => {
    const app = start();
    await press(app, KEYS.right, /› organisation: Acute/);
    await press(app, KEYS.down, /› organisation: Community/);
    expect(app.lastFrame()).toContain("2/8");
    await press(app, "3", /› Acute ↔ Community/);
    await press(app, KEYS.left, /› organisation: Community/);
  });

  it("shows series with sparklines, the gap as a space", async () => {
    const app = start();
    await press(app, "4", /› Interactions: A & B <Care> ↔ County Social/);
    // 20 weeks: 10,12,10,12,10,12,gap,12,… then six 8s. Lowest 8, highest 12: 8 → ▁, 10 → band 4 of 8 (▅), 12 → █.
    // Under 100 columns the sparkline keeps the last 16 weeks, leaving the names room.
    expect(app.lastFrame()).toContain(" ▅█ █▅█▅█▅█▁▁▁▁▁▁ ");
    expect(app.lastFrame()).toContain("concern low");
    app.unmount();
    const wide = start({ columns: 100 });
    await press(wide, "4", /› Interactions: A & B <Care> ↔ County Social/);
    expect(wide.lastFrame()).toContain(" ▅█▅█▅█ █▅█▅█▅█▁▁▁▁▁▁ ");
  });

  it("at 80 × 24 cuts long names in the middle, so pairs that start alike stay apart", async () => {
    const r = report();
    const harbour = "Harbour Voluntary Services for Older People and Carers";
    const b = r.network!.boundaries[0];
    b.links = [
      { ...b.links[0], groups: [harbour, "Riverside Community Health"] },
      { ...b.links[1], groups: [harbour, "Northgate Hospital"] },
    ];
    instance = render(explorerElement(modules, r, { color: false, rows: 24, columns: 80 }));
    await press(instance, "3", /› Harbour/);
    const lines = instance.lastFrame()!.split("\n");
    const rows = lines.filter((l) => /^[› ] {1}Harbour/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^› Harbour Voluntary.*…Carers ↔ Riverside Community Health /);
    expect(rows[1]).toMatch(/^ {2}Harbour Voluntary.*…Carers ↔ Northgate Hospital /);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("opens the full detail with enter and goes back with escape", async () => {
    const app = start();
    await press(app, "4", /› Interactions/);
    await press(app, KEYS.enter, /enter\/esc back · q quit/);
    expect(app.lastFrame()).toContain("critical signal since 2026-W24: a shift (6+ points on one side of the mean)");
    await press(app, KEYS.escape, /←→ tabs/);
  });

  it("keeps the selection in view when the list is longer than the screen", async () => {
    const r = report();
    // A 13-row screen leaves a 4-row list for the 8 groups.
    instance = render(explorerElement(modules, r, { color: false, rows: 13, columns: 80 }));
    const app = instance;
    await press(app, "2", /› organisation: Acute/);
    for (const label of ["Community", "Primary", "Social", "County", "Harbour", "Northgate"])
      await press(app, KEYS.down, new RegExp(`› organisation: ${label}`));
    const frame = app.lastFrame()!;
    expect(frame).not.toContain("organisation: Acute");
    expect(frame).toContain("team: Ward 1");
    expect(frame).toContain("7/8");
  });

  it("quits on q, and on escape when no detail is open", async () => {
    for (const key of ["q", KEYS.escape]) {
      const app = start();
      expect(app.stdin.listenerCount("readable")).toBeGreaterThan(0);
      app.stdin.write(key);
      // Ink stops reading the keyboard once the app has exited.
      await vi.waitFor(() => expect(app.stdin.listenerCount("readable")).toBe(0), PATIENT);
      app.unmount();
    }
  });
});

describe("navigation", () => {
  const tabs = explorerTabs(report());

  it("applies keys arriving together one after another (no stale state)", () => {
    const keys: [string, Partial<Parameters<typeof keyAction>[1]>][] = [
      ["", { rightArrow: true }],
      ["", { rightArrow: true }],
      ["", { downArrow: true }],
    ];
    const state = keys.reduce(
      (s, [input, key]) => navigate(tabs, s, keyAction(input, { ...NO_KEY, ...key }, 5)!),
      initialView(tabs),
    );
    expect(state.tab).toBe(2);
    expect(state.cursor).toEqual([0, 0, 1, 0, 0]);
  });

  it("stops at the ends of a list, wraps round the tabs, and ignores moves in an empty tab", () => {
    let state = navigate(tabs, initialView(tabs), { type: "tab", to: 1 });
    state = navigate(tabs, state, { type: "move", by: Infinity });
    expect(state.cursor[1]).toBe(7);
    state = navigate(tabs, state, { type: "move", by: -100 });
    expect(state.cursor[1]).toBe(0);
    expect(navigate(tabs, initialView(tabs), { type: "tab-by", by: -1 }).tab).toBe(4);
    expect(navigate(tabs, initialView(tabs), { type: "move", by: 1 })).toEqual(initialView(tabs));
    expect(navigate(tabs, initialView(tabs), { type: "enter" }).expanded).toBe(false);
  });
});
