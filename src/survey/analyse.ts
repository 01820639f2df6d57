// Placeholder until the survey analysis lands: no section yet.
import type { Dataset } from "../model/types.js";
import type { SurveySection } from "./section.js";

export function analyseSurvey(_data: Dataset): SurveySection | null {
  return null;
}
