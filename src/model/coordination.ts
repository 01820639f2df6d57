// Relational Coordination's structure (Gittell): the seven dimensions and how they group into two sub-indices.

/** Gittell's seven RC dimensions: four about communication, three about the relationship. */
export const RC_DIMENSIONS = [
  "frequent",
  "timely",
  "accurate",
  "problemSolving",
  "sharedGoals",
  "sharedKnowledge",
  "mutualRespect",
] as const;
export type RcDimension = (typeof RC_DIMENSIONS)[number];
export const COMMUNICATION_DIMENSIONS: readonly RcDimension[] = RC_DIMENSIONS.slice(0, 4);
export const RELATIONSHIP_DIMENSIONS: readonly RcDimension[] = RC_DIMENSIONS.slice(4);
