// The typed, validated data every analysis and check reads. Loaders produce it; nothing here touches files.
import type { Config } from "./config.js";
import type { PeriodKind } from "./periods.js";
import type { RcDimension } from "./coordination.js";

/** Epoch milliseconds (UTC). Dates from files are converted once, at load time. */
export type Instant = number;

export interface Person {
  id: string;
  /** Boundary and other attribute values, by column name as written in the file (trimmed; empty → absent). */
  attributes: Record<string, string>;
  joined?: Instant;
  left?: Instant;
}

export interface PeopleData {
  people: Person[];
  /** Person id → index into `people` (and into every per-person array elsewhere). */
  index: Map<string, number>;
  /** Attribute columns, in file order (id, joined, left excluded). */
  attributeColumns: string[];
  /** Where the attributes came from: a people file, or inline Viva Insights collaborator columns. */
  source: "people" | "interactions-inline";
}

/**
 * All interactions from one person to another, collapsed into a tie while streaming, so memory grows with ties
 * and periods, never with rows. Direction is kept as written; analyses that treat contact as mutual
 * (`--undirected`) symmetrise it themselves.
 */
export interface Tie {
  from: number;
  to: number;
  /** Sum of row weights (a row without a weight counts 1). */
  weight: number;
  /** Number of rows collapsed into this tie. */
  rows: number;
  first: Instant | null;
  last: Instant | null;
  durationMinutes: number;
  /** Channel → summed weight, channels in order of first appearance in the file. Rows without a channel are counted under "". */
  channels: Record<string, number>;
  /**
   * Period index (see periods.ts) → summed weight, periods ascending; empty when the file has no timestamps. Read
   * only: the CSV loader gives a view of one array shared by all ties (load/tie-periods.ts), not a Map per tie.
   */
  periods: PeriodWeights;
}

/** A tie's periods: a Map, or a loader's view that also tells where the tie's periods sit in its shared arrays. */
type PeriodWeights = ReadonlyMap<number, number> & { readonly range?: PeriodRange };

/**
 * The shared arrays behind a loader's period view and the tie's range in them, [first, end): lets an analysis that
 * reads every tie's periods walk the arrays in one loop instead of a callback per period (signals' tieContact).
 */
export interface PeriodRange {
  period: Int32Array;
  weight: Float64Array;
  first: number;
  end: number;
}

export interface InteractionData {
  ties: Tie[];
  rows: number;
  /** Rows dropped because from = to. */
  selfLoops: number;
  /** Rows outside --since/--until. */
  outsideWindow: number;
  timestamped: boolean;
  first: Instant | null;
  last: Instant | null;
  channels: string[];
  /** Set for a snapshot export (one row per pair and period, dated by the period): no period of it is partial. */
  snapshots?: PeriodKind | null;
}

export interface SurveyData {
  rows: number;
  respondents: (string | null)[];
  /** Wave label per response (null when the file has no wave column). */
  waves: (string | null)[];
  /** Distinct waves in chronological order when they are dates, else in order of first appearance. */
  waveOrder: string[];
  /** Instants of the waves whose labels are ISO dates (dated here, so analyses never parse text). */
  waveDates: Readonly<Record<string, number>>;
  /** Group columns (matched to boundaries by name, case-insensitive) → value per response. */
  groups: Record<string, (string | null)[]>;
  /** Item column → numeric answer per response, NaN when missing. Answer labels are already mapped. */
  answers: Record<string, Float64Array>;
}

export interface DeliveryRow {
  metric: string;
  at: Instant;
  /** null = a gap (the cell was empty or "NA"): never a zero. */
  value: number | null;
  groups: Record<string, string>;
  line: number;
  /** Set when the date cell was a period label (2026-W19, 2026-05): the value stands for that whole period. */
  period?: PeriodKind;
}

export interface EventAttendance {
  event: string;
  at: Instant;
  person: number;
}

/** A dated decision or event from annotations.csv, shown on charts and carried into later runs. */
export interface Annotation {
  at: Instant;
  /** The metric or series subject it concerns (as written); null when it concerns every series. */
  target: string | null;
  note: string;
  /** "rebase" starts new SPC limits at its period; "baseline" fixes limits from the points up to its period. */
  action: "rebase" | "baseline" | null;
  line: number;
}

/** Everything loaded, with the options that shape it. Absent inputs are null. */
export interface Dataset {
  config: Config;
  boundaries: string[];
  undirected: boolean;
  period: PeriodKind;
  window: { since: Instant | null; until: Instant | null };
  people: PeopleData | null;
  interactions: InteractionData | null;
  survey: SurveyData | null;
  /** Relational coordination ratings from a long-form coordination.csv (the wide form arrives in `survey`). */
  coordination: RcRating[] | null;
  delivery: DeliveryRow[] | null;
  events: EventAttendance[] | null;
  /** Decisions and events from annotations.csv, applied to SPC series. */
  annotations: Annotation[] | null;
}

/** One rating of one group on one relational coordination dimension (long form). */
export interface RcRating {
  /** Any id unique to the rating person (a survey row, a respondent id's index). */
  person: number;
  raterGroup: string;
  ratedGroup: string;
  dimension: RcDimension;
  score: number;
}
