// The small shapes every part of the result shares: which practice, what was measured, about whom.

/** The eight practices of ../shared/design/practices.md. */
export type Practice = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Evidence {
  label: string;
  value: number | string | null;
  n?: number;
  /** 95% interval unless `ciLevel` says otherwise. */
  ci?: [number, number];
  ciLevel?: number;
  unit?: string;
  /** What this number is compared with (a band, an expectation under chance, a previous wave). */
  reference?: number | string;
  /** How the number reads: a share (0–1) is shown as a percentage, a p-value as "< 0.001" or "0.04". */
  kind?: "share" | "p-value";
}

export interface Subject {
  attribute?: string;
  groups?: string[];
  people?: string[];
  scale?: string;
  metric?: string;
}
