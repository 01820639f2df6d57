// Practice 1: when two groups see their coordination very differently, the gap itself is worth a conversation;
// the interaction volume beside it says whether they meet often and still differ, or hardly meet at all.
import type { Check } from "./types.js";
import { signalFinding, signalsReportedBy } from "./signal-common.js";

export const signalPerceptionGap: Check = {
  id: "signal-perception-gap",
  practice: 1,
  title: "Groups that see their coordination differently",
  requires: ["survey"],
  needs: "signals",
  run(section, { survey }) {
    if (!survey?.coordination)
      return {
        summary: "Needs relational coordination ratings (the config's coordination block).",
        findings: [],
        notApplicable: true,
      };
    const found = signalsReportedBy(section, "signal-perception-gap");
    const pairs = survey.coordination.asymmetries.length;
    return {
      summary:
        found.length === 0
          ? `No marked asymmetry among ${pairs} pairs of groups.`
          : `${found.length} of ${pairs} pairs of groups see their coordination markedly differently.`,
      findings: found.map(signalFinding),
      evidence: [{ label: "pairs of groups rating each other", value: pairs }],
    };
  },
};
