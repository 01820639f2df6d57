// Placeholder until the signals analysis lands: no section yet.
import type { Dataset } from "../model/types.js";
import type { SignalsSection } from "./section.js";

export function analyseSignals(_data: Dataset): SignalsSection | null {
  return null;
}
