// Placeholder until the network analysis lands: no section yet.
import type { Dataset } from "../model/types.js";
import type { NetworkSection } from "./section.js";

export function analyseNetwork(_data: Dataset): NetworkSection | null {
  return null;
}
