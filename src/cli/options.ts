// The input options every command that reads data takes, and the InputOptions they become.
import { InvalidArgumentError, Option, type Command } from "commander";
import { InputError } from "../model/problems.js";
import { databaseTable } from "../load/duckdb/source.js";
import type { InputOptions } from "../load/inputs.js";
import type { Io } from "./io.js";
import { demoFolder } from "./demo.js";
import { MIN_GROUP_SIZE_FLOOR, SMALL_GROUP_HINT } from "../load/config.js";

export interface CommonFlags {
  db?: string;
  peopleTable?: string;
  interactionsTable?: string;
  surveyTable?: string;
  deliveryTable?: string;
  people?: string;
  interactions?: string;
  survey?: string;
  delivery?: string;
  events?: string;
  coordination?: string;
  annotations?: string;
  config?: string;
  encoding?: string;
  delimiter?: string;
  skipRows?: number;
  boundary?: string[];
  allowIdentifierBoundary?: boolean;
  /** Set by the commands that take --pseudonymise (audit, signals, explore). */
  pseudonymise?: boolean;
  undirected?: boolean;
  since?: string;
  until?: string;
  minGroupSize?: number;
  period?: "week" | "month";
  timeZone?: string;
  dateFormat?: "iso" | "dd/mm/yyyy" | "mm/dd/yyyy";
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  demo?: boolean;
}

/**
 * A count written in decimal digits and exactly representable, or `fail`: Number() alone took "0x10" as 16, "1e3" as
 * 1000, "" as 0 and 9007199254740993 as …992, so a typo could set a privacy floor the user never wrote.
 */
function wholeNumber(value: string, min: number, fail: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(fail);
  return n;
}

export const integer = (min: number) => (value: string) => wholeNumber(value, min, `expected a whole number ≥ ${min}`);
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addInputOptions(command: Command): Command {
  return command
    .option("--people <file>", "people.csv: id and attributes (the boundaries)")
    .option("--interactions <file>", "interactions.csv: from, to, timestamp, channel, weight")
    .option("--survey <file>", "survey.csv: one row per response")
    .option("--delivery <file>", "delivery.csv: metric, date, value")
    .option("--events <file>", "events.csv: event, date, person")
    .option("--coordination <file>", "coordination.csv: relational coordination ratings in long form")
    .option("--annotations <file>", "annotations.csv: dated notes and rebase/baseline decisions for SPC charts")
    .option("--config <file>", "relaudit.config.json (default: the one in DIR)")
    .option("--db <file>", "a DuckDB database whose tables are inputs (name them with --people-table, ...)")
    .option("--people-table <name>", "with --db: the table of people")
    .option("--interactions-table <name>", "with --db: the table of interactions")
    .option("--survey-table <name>", "with --db: the table of survey responses")
    .option("--delivery-table <name>", "with --db: the table of delivery metrics")
    .option("--demo", "use the demo system shipped with relaudit (fixtures/demo) as DIR")
    .option("--encoding <name>", "file encoding when there is no BOM (e.g. windows-1252)")
    .option("--delimiter <char>", "field delimiter (default: sniffed from the header)")
    .option("--skip-rows <n>", "lines to skip before the header", integer(0))
    .option("--boundary <attribute>", "boundary attribute to audit (repeatable)", collect)
    .option(
      "--allow-identifier-boundary",
      "let --boundary name a column that looks like names, emails or ids (refused with --pseudonymise)",
    )
    .option("--undirected", "treat each interaction as mutual (contact or meeting data)")
    .option("--since <date>", "ignore interactions before this date")
    .option("--until <date>", "ignore interactions after this date (inclusive)")
    .option(
      "--min-group-size <n>",
      `hide survey results for smaller groups (default 5, at least ${MIN_GROUP_SIZE_FLOOR})`,
      (value: string) =>
        wholeNumber(
          value,
          MIN_GROUP_SIZE_FLOOR,
          `expected a whole number ≥ ${MIN_GROUP_SIZE_FLOOR}: ${SMALL_GROUP_HINT}`,
        ),
    )
    .addOption(new Option("--period <kind>", "reporting period").choices(["week", "month"]))
    .option("--time-zone <zone>", "IANA time zone for dates without one (default UTC)")
    .addOption(
      new Option("--date-format <format>", "how to read day/month dates").choices(["iso", "dd/mm/yyyy", "mm/dd/yyyy"]),
    )
    .option("-q, --quiet", "print only findings; no progress")
    .option("--no-color", "no colour (also NO_COLOR=1)")
    .option("--debug", "show stack traces for unexpected errors");
}

export const hasExplicitFiles = (f: CommonFlags) =>
  Boolean(f.people || f.interactions || f.survey || f.coordination || f.delivery || f.events);

/** --db FILE --people-table NAME … → the FILE#NAME paths the loaders read through DuckDB. */
function databaseTables(flags: CommonFlags): CommonFlags {
  const tables = {
    people: flags.peopleTable,
    interactions: flags.interactionsTable,
    survey: flags.surveyTable,
    delivery: flags.deliveryTable,
  };
  const named = Object.entries(tables).filter(([, table]) => table !== undefined);
  if (named.length > 0 && !flags.db)
    throw new InputError({
      option: "--db",
      message: "a table was named without its database",
      hint: "add --db FILE.duckdb",
    });
  if (flags.db && named.length === 0)
    throw new InputError({
      option: "--db",
      message: "--db names a database but no table",
      hint: "add --interactions-table NAME (and --people-table, --survey-table, --delivery-table)",
    });
  return { ...flags, ...Object.fromEntries(named.map(([kind, table]) => [kind, databaseTable(flags.db!, table!)])) };
}

/** A forced delimiter is one character that can separate fields: not empty, not a quote, not a line break. */
function checkDelimiter(delimiter: string | undefined): string | undefined {
  if (delimiter === undefined || (delimiter.length === 1 && !/["\r\n]/.test(delimiter))) return delimiter;
  throw new InputError({
    option: "--delimiter",
    message: "invalid field delimiter",
    expected: "one character such as , ; | or tab (written tab or \\t)",
    found: JSON.stringify(delimiter),
    hint: "leave --delimiter out and relaudit sniffs it from the header line",
  });
}

/**
 * The inputs every command reads, and how many threads may read and analyse them: RELAUDIT_WORKERS=N (a whole number
 * ≥ 1; default the cores, at most 4) governs every command alike — betweenness and the two-thread read of a large
 * interactions file — and the report is the same with any number.
 */
export function inputOptions(dir: string | undefined, given: CommonFlags, env: Io["env"]): InputOptions {
  const flags = databaseTables(given);
  if (flags.demo && dir !== undefined)
    throw new InputError({
      option: "--demo",
      message: `--demo and a folder (${dir}) both name the inputs`,
      hint: "use one of them",
    });
  return {
    threads: threadsFromEnv(env.RELAUDIT_WORKERS),
    dir: flags.demo ? demoFolder() : (dir ?? (hasExplicitFiles(flags) ? undefined : ".")),
    files: {
      people: flags.people,
      interactions: flags.interactions,
      survey: flags.survey,
      coordination: flags.coordination,
      delivery: flags.delivery,
      events: flags.events,
      annotations: flags.annotations,
      config: flags.config,
    },
    encoding: flags.encoding,
    delimiter: checkDelimiter(flags.delimiter === "tab" || flags.delimiter === "\\t" ? "\t" : flags.delimiter),
    skipRows: flags.skipRows,
    boundaries: flags.boundary,
    allowIdentifierBoundary: flags.allowIdentifierBoundary,
    pseudonymised: Boolean(flags.pseudonymise),
    undirected: flags.undirected,
    since: flags.since,
    until: flags.until,
    minGroupSize: flags.minGroupSize,
    period: flags.period,
    timeZone: flags.timeZone,
    dateFormat: flags.dateFormat,
  };
}

/** A whole number ≥ 1 from RELAUDIT_WORKERS, else the default. */
function threadsFromEnv(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}
