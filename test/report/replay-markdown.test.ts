// The replay's Markdown escapes what it did not write (annotation notes, group names inside signal ids) with the
// one Markdown escaping of the renderers, as every other signals output does.
import { describe, expect, it } from "vitest";
import { renderReplayMarkdown } from "../../src/report/replay.js";
import type { ReplayResult } from "../../src/result/replay.js";

const hostile = "<svg/onload=alert(1)> [x](javascript:alert(1))\n# injected";

const result: ReplayResult = {
  from: "2026-W30",
  to: "2026-W40",
  runs: 11,
  signals: [
    {
      id: `falling-contact:team:A|${hostile}`,
      kind: "falling-contact",
      subject: { attribute: "team", groups: ["A", hostile] },
      firstFired: "2026-W35",
      lastFired: "2026-W40",
      runs: 6,
      episodes: 1,
      severities: [{ period: "2026-W35", severity: "warning" }],
      resolved: null,
    },
  ],
  events: [
    { period: "2026-W38", note: hostile, target: "team", alarm: `falling-contact:team:A|${hostile}`, leadPeriods: 3 },
  ],
  alarmsWithoutEvent: [`dormant-ties:team:B|${hostile}`],
};

describe("replay Markdown", () => {
  const text = renderReplayMarkdown(result);

  it("lets no raw HTML, link or heading through from the data", () => {
    expect(text).not.toContain("<svg");
    expect(text).not.toMatch(/(^|[^\\])\[x\]\(/);
    expect(text).toContain("\\[x\\](javascript:alert(1))");
    expect(text).not.toMatch(/^# injected/m);
    expect(text).toContain("&lt;svg/onload=alert(1)&gt;");
  });

  it("keeps each table row on one line with the pipes inside ids escaped", () => {
    const rows = text.split("\n").filter((l) => l.startsWith("| falling-contact"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("A\\|");
  });
});
