// The runner hands a check the section it declares, never null, or reports it not applicable with the reason; a
// check that throws becomes an error result and the others still run.
import { describe, expect, it } from "vitest";
import { runChecks } from "../../src/checks/run.js";
import type { AuditContext, Check } from "../../src/checks/types.js";
import type { Dataset } from "../../src/model/types.js";
import type { NetworkSection } from "../../src/result/network.js";

const data = { people: {}, interactions: null, survey: null, delivery: null, events: null } as unknown as Dataset;
const context = (network: NetworkSection | null): AuditContext => ({ data, survey: null, network, signals: null });

const seen: unknown[] = [];
const networkCheck: Check = {
  id: "t-network",
  practice: 3,
  title: "reads the network",
  requires: [],
  needs: "network",
  run(section) {
    seen.push(section);
    return { summary: `${section.boundaries.length} boundaries`, findings: [] };
  },
};

describe("runChecks and the sections checks need", () => {
  it("reports a check not applicable, with the reason, when its section is missing or unusable", () => {
    const [missing] = runChecks([networkCheck], context(null));
    expect(missing).toMatchObject({ status: "not-applicable", summary: "No interactions were loaded." });
    const [empty] = runChecks([networkCheck], context({ boundaries: [] } as unknown as NetworkSection));
    expect(empty.status).toBe("not-applicable");
    expect(empty.summary).toMatch(/no boundary attribute/);
    expect(seen).toEqual([]);
  });

  it("hands the check its section when there is one", () => {
    const section = { boundaries: [{}] } as unknown as NetworkSection;
    const [result] = runChecks([networkCheck], context(section));
    expect(result).toMatchObject({ status: "pass", summary: "1 boundaries" });
    expect(seen).toEqual([section]);
  });

  it("turns a throwing check into an error result and runs the rest", () => {
    const broken: Check = {
      id: "t-broken",
      practice: 1,
      title: "throws",
      requires: [],
      run() {
        throw new Error("boom");
      },
    };
    const results = runChecks([broken, networkCheck], context({ boundaries: [{}] } as unknown as NetworkSection));
    expect(results.map((r) => r.status)).toEqual(["error", "pass"]);
    expect(results[0].error).toBe("boom");
  });
});
