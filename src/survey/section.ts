// The survey section of the result (issue 3 fills it). Values here are already privacy-suppressed.
export interface SurveySection {
  scales: unknown[];
  coordination: unknown | null;
}
