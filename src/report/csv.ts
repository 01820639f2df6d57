// CSV tables for spreadsheets and slides: group scores, the RC matrix (and its cells with n), each boundary's
// mixing matrix, brokers and signals, one file each. A pure function of the result: suppression is already
// applied there (a suppressed group has no number to write). Numbers stay numbers (unformatted, so a spreadsheet
// can compute with them); text cells are neutralised against formula injection; quoting follows RFC 4180.
import type { Report } from "../result/types.js";
import type { MixingMatrix, SparseMixing } from "../result/network.js";
import { slug, uniqueStems } from "./charts/labels.js";
import { formatChance, formatEvidence } from "./format.js";

type Cell = string | number | boolean | null;

export interface CsvTable {
  /** File name, e.g. "group-scores.csv". */
  file: string;
  headings: string[];
  rows: Cell[][];
}

/** Written for a suppressed value: the word, never a number. */
export const SUPPRESSED_CELL = "suppressed";

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return that hides one) as a formula:
 * such text is prefixed with an apostrophe, which spreadsheets show as plain text (OWASP "CSV injection").
 * Numbers are written as numbers and never need it.
 */
export function neutralise(text: string): string {
  return (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(INNER_FORMULA, "$1$2'");
}

/**
 * Excel set to a semicolon list separator (most of Europe) splits our comma-separated file at semicolons, and ignores
 * quotes that do not open a field: "a;=1+1" becomes a cell "=1+1". A formula character after a ";" or a tab (past
 * spaces and quotes) is therefore neutralised too.
 */
const INNER_FORMULA = /([;\t])([\s"]*)(?=[=+\-@])/g;

function formatCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    // Ten significant digits: drops binary-fraction noise (0.1 + 0.2 → 0.3) and keeps tiny values (1.3e-7).
    return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(10)));
  }
  return neutralise(cell);
}

/** RFC 4180: quote a field holding a comma, a quote, CR or LF, doubling inner quotes. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * One CSV file: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page and mangles
 * "↔" and accented names), CRLF line ends as RFC 4180 asks.
 */
export function csvText(table: CsvTable): string {
  const lines = [table.headings, ...table.rows].map((row) => row.map((c) => quoteField(formatCell(c))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function groupScores(report: Report): CsvTable | null {
  const survey = report.survey;
  if (!survey || survey.scales.length === 0) return null;
  const rows: Cell[][] = [];
  for (const scale of survey.scales) {
    for (const g of scale.groups) {
      const head: Cell[] = [scale.id, scale.label, g.attribute, g.value, g.wave ?? null];
      rows.push(
        g.suppressed
          ? [...head, SUPPRESSED_CELL, null, null, null, null, null, null, null]
          : [...head, "shown", g.n, g.mean, g.sd, g.ci?.[0] ?? null, g.ci?.[1] ?? null, g.favourable, g.band],
      );
    }
  }
  return {
    file: "group-scores.csv",
    headings: [
      "scale",
      "scale label",
      "attribute",
      "group",
      "wave",
      "status",
      "n",
      "mean",
      "sd",
      "ci low",
      "ci high",
      "favourable share",
      "band",
    ],
    rows,
  };
}

function rcTables(report: Report): CsvTable[] {
  const rc = report.survey?.coordination;
  if (!rc) return [];
  const cell = new Map(rc.cells.map((c) => [`${c.raterGroup}\u0000${c.ratedGroup}`, c]));
  const matrix: CsvTable = {
    file: "rc-matrix.csv",
    headings: [`rater ${rc.raterAttribute} \\ rated`, ...rc.groups],
    rows: rc.groups.map((rater) => [
      rater,
      ...rc.groups.map((rated): Cell => {
        const c = cell.get(`${rater}\u0000${rated}`);
        if (!c) return null;
        return c.suppressed ? SUPPRESSED_CELL : c.index;
      }),
    ]),
  };
  const cells: CsvTable = {
    file: "rc-cells.csv",
    headings: [
      "rater group",
      "rated group",
      "within group",
      "wave",
      "status",
      "raters (n)",
      "rc index",
      "sd",
      "ci low",
      "ci high",
      "band",
      "communication",
      "relationship",
    ],
    rows: rc.cells.map((c) => {
      const head: Cell[] = [c.raterGroup, c.ratedGroup, c.within, rc.wave];
      return c.suppressed
        ? [...head, SUPPRESSED_CELL, null, null, null, null, null, null, null, null]
        : [
            ...head,
            "shown",
            c.n,
            c.index,
            c.sd,
            c.ci?.[0] ?? null,
            c.ci?.[1] ?? null,
            c.band,
            c.communication,
            c.relationship,
          ];
    }),
  };
  return [matrix, cells];
}

function mixingTables(report: Report): CsvTable[] {
  const boundaries = report.network?.boundaries ?? [];
  const stems = uniqueStems(boundaries.map((b) => `mixing-${slug(b.attribute)}`));
  return boundaries.map((b, i) => ({
    file: `${stems[i]}.csv`,
    headings: [`from ${b.attribute} \\ to`, ...b.mixing.groups],
    rows: tieGrid(b.mixing).map((row, r) => [b.mixing.groups[r], ...row]),
  }));
}

/** The matrix of ties as a grid, whether the report holds it dense (--detail full) or as its non-zero cells. */
function tieGrid(mixing: MixingMatrix | SparseMixing): number[][] {
  if ("ties" in mixing) return mixing.ties;
  const grid = mixing.groups.map(() => mixing.groups.map(() => 0));
  for (const row of mixing.rows) row.to.forEach((to, k) => (grid[row.from][to] = row.ties[k]));
  return grid;
}

function brokers(report: Report): CsvTable | null {
  const network = report.network;
  if (!network || network.people.length === 0) return null;
  const attributes = network.boundaries.map((b) => b.attribute);
  const articulation = new Set(network.articulationPoints);
  // Person-level by design (a key-person list); ids are pseudonyms when the run used --pseudonymise.
  const people = network.people
    .filter((p) => p.betweenness > 0 || p.brokerage.total > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id));
  return {
    file: "brokers.csv",
    headings: [
      "person",
      ...attributes,
      "leaver",
      "degree",
      "betweenness",
      "betweenness normalised",
      "betweenness se",
      "constraint",
      "articulation point",
      "coordinator",
      "itinerant",
      "representative",
      "gatekeeper",
      "liaison",
      "brokerage total",
    ],
    rows: people.map((p) => [
      p.id,
      ...attributes.map((a) => p.groups[a] ?? null),
      p.leaver,
      p.degree,
      p.betweenness,
      p.betweennessNormalised,
      p.betweennessSe,
      p.constraint,
      articulation.has(p.id),
      p.brokerage.coordinator,
      p.brokerage.itinerant,
      p.brokerage.representative,
      p.brokerage.gatekeeper,
      p.brokerage.liaison,
      p.brokerage.total,
    ]),
  };
}

function signals(report: Report): CsvTable | null {
  if (!report.signals) return null;
  return {
    file: "signals.csv",
    headings: [
      "id",
      "severity",
      "kind",
      "practice",
      "attribute",
      "groups",
      "metric",
      "scale",
      "first period",
      "rule",
      "message",
      "evidence",
      "series",
      "status",
      "chance",
    ],
    rows: report.signals.map((s) => [
      s.id,
      s.severity,
      s.kind,
      s.practice,
      s.subject.attribute ?? null,
      s.subject.groups?.join(" ↔ ") ?? null,
      s.subject.metric ?? null,
      s.subject.scale ?? null,
      s.firstPeriod,
      s.rule,
      s.message,
      s.evidence.map(formatEvidence).join("; "),
      s.series ?? null,
      s.status ?? null,
      s.chance ? formatChance(s.chance) : null,
    ]),
  };
}

/** Every table the result can fill, in a stable order; tables whose section is absent are left out. */
export function csvTables(report: Report): CsvTable[] {
  return [groupScores(report), ...rcTables(report), ...mixingTables(report), brokers(report), signals(report)].filter(
    (t): t is CsvTable => t !== null,
  );
}
