// The analysis section a check needs, or why the check cannot run: the runner asks here before handing a section
// to a check, so no check opens with its own guard.
import type { AuditContext, SectionName, Sections } from "./types.js";

type Available<S extends SectionName> = { section: Sections[S] } | { why: string };

const AVAILABLE: { [S in SectionName]: (context: AuditContext) => Available<S> } = {
  survey: ({ survey }) =>
    survey && survey.scales.length + (survey.coordination ? 1 : 0) > 0
      ? { section: survey }
      : { why: "Needs a survey with configured scales (see docs/inputs.md)." },
  network: ({ network }) =>
    !network
      ? { why: "No interactions were loaded." }
      : network.boundaries.length === 0
        ? { why: "People have no boundary attribute (organisation, team, profession …) to compare groups on." }
        : { section: network },
  signals: ({ signals }) =>
    signals
      ? { section: signals }
      : { why: "No signals analysis: it needs dated interactions, delivery.csv or a survey with waves." },
};

export function sectionFor<S extends SectionName>(name: S, context: AuditContext): Available<S> {
  return AVAILABLE[name](context);
}
