// Every check relaudit runs, in report order. Adding a check: write one file, add one line here.
import type { Check } from "./types.js";
import { evidenceCoverage } from "./evidence-coverage.js";
import { surveyReliability } from "./survey-reliability.js";
import { surveyScaleLevels } from "./survey-scale-levels.js";
import { surveyWeakCoordination } from "./survey-weak-coordination.js";
import { surveyResponseRate } from "./survey-response-rate.js";
import { surveyLeadership } from "./survey-leadership.js";
import { networkCrossBoundary } from "./network-cross-boundary.js";
import { networkOneWay } from "./network-one-way.js";
import { networkKeyPerson } from "./network-key-person.js";
import { networkIsolatedGroups } from "./network-isolated-groups.js";
import { networkForums } from "./network-forums.js";
import { connectionBeforeContent } from "./connection-before-content.js";
import { networkShallowTies } from "./network-shallow-ties.js";
import { signalBreakdown } from "./signal-breakdown.js";
import { signalSurveyDrop } from "./signal-survey-drop.js";
import { signalPerceptionGap } from "./signal-perception-gap.js";
import { signalLeadingIndicator } from "./signal-leading-indicator.js";

export const CHECKS: readonly Check[] = [
  evidenceCoverage,
  surveyReliability,
  surveyScaleLevels,
  surveyWeakCoordination,
  surveyResponseRate,
  surveyLeadership,
  connectionBeforeContent,
  networkIsolatedGroups,
  networkOneWay,
  networkCrossBoundary,
  networkKeyPerson,
  networkShallowTies,
  networkForums,
  signalBreakdown,
  signalSurveyDrop,
  signalPerceptionGap,
  signalLeadingIndicator,
];
