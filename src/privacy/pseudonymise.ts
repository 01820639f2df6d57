// --pseudonymise: every person id in a report becomes a keyed pseudonym, HMAC-SHA256(key, id). Applied once to the
// Report before any renderer runs, so every format (terminal, Markdown, JSON, and any added later) is covered.
//
// Person ids live in the structured fields listed in `pseudonymiseReport`. A finding or signal that names a person
// in its words (message, questions, evidence) must list them in `subject.people`: those ids are replaced in its
// words too. Nothing else may carry a person id, and skipped-row records carry no cell values (src/errors.ts).
// test/security/pseudonymise.test.ts scans every rendered output for every raw id of its input, so a new field or
// message that leaks one fails it.
import { createHmac } from "node:crypto";
import type { Evidence, Report, Subject } from "../result/types.js";

/** A finding or a signal: words about a subject. */
interface Named {
  subject: Subject;
  message: string;
  questions: string[];
  evidence: Evidence[];
}

/** Shorter keys are refused: person ids (staff numbers, emails) are guessable, so the key is all that protects them. */
export const MIN_KEY_BYTES = 16;
/** 64 bits of the MAC: a collision among a million people has probability about n²/2⁶⁵ ≈ 3·10⁻⁸. */
const PSEUDONYM_HEX_DIGITS = 16;

export type Pseudonymiser = (id: string) => string;

/** A stable map from id to pseudonym for one key; the same key always gives the same pseudonym. */
export function pseudonymiser(key: Uint8Array): Pseudonymiser {
  if (key.length < MIN_KEY_BYTES) throw new RangeError(`a pseudonymisation key needs at least ${MIN_KEY_BYTES} bytes`);
  const cache = new Map<string, string>();
  return (id) => {
    let pseudonym = cache.get(id);
    if (pseudonym === undefined) {
      pseudonym = `p-${createHmac("sha256", key).update(id, "utf8").digest("hex").slice(0, PSEUDONYM_HEX_DIGITS)}`;
      cache.set(id, pseudonym);
    }
    return pseudonym;
  };
}

export const PSEUDONYMISED_NOTE =
  "person ids are pseudonymised (HMAC-SHA256 with your key): the same key gives the same pseudonyms in every run";

/** A copy of the report with every person id replaced; the input is not changed. */
export function pseudonymiseReport(report: Report, key: Uint8Array): Report {
  const alias = pseudonymiser(key);
  const out = structuredClone(report);
  const named = namedReplacer(alias);
  for (const check of out.checks) check.findings.forEach(named);
  replaceInSignals(out.signals ?? [], [...(out.series ?? []), ...(out.leading ?? [])], alias);

  // Person lists are re-sorted by pseudonym (carriers: among equal counts): left in input order, they would show
  // each pseudonym's place in people.csv, often sorted by name or email, and so undo the pseudonymisation.
  const network = out.network;
  if (network) {
    network.people = network.people.map((p) => ({ ...p, id: alias(p.id) })).sort((a, b) => byCodeUnits(a.id, b.id));
    for (const boundary of network.boundaries) {
      for (const link of boundary.links) {
        link.carriers = link.carriers
          .map((c) => ({ ...c, id: alias(c.id) }))
          .sort((a, b) => b.ties - a.ties || byCodeUnits(a.id, b.id));
      }
    }
    network.articulationPoints = network.articulationPoints.map(alias).sort(byCodeUnits);
    network.bridges = network.bridges
      .map((pair) => pair.map(alias).sort(byCodeUnits) as [string, string])
      .sort((a, b) => byCodeUnits(a[0], b[0]) || byCodeUnits(a[1], b[1]));
  }

  out.inputs.warnings = [...out.inputs.warnings, PSEUDONYMISED_NOTE];
  return out;
}

/** What `pseudonymiser` makes: a previous report's ids already in this form were pseudonymised by its own run. */
const PSEUDONYM = new RegExp(`^p-[0-9a-f]{${PSEUDONYM_HEX_DIGITS}}$`);

/**
 * Copies of signals read back from a previous report (`signals --previous`), which never pass through
 * pseudonymiseReport: each raw person id replaced as in the report, a pseudonym left as it is (a previous run made
 * with the same key gave the same one).
 */
export function pseudonymiseSignals<T extends Named>(signals: readonly T[], key: Uint8Array): T[] {
  const alias = pseudonymiser(key);
  const out = structuredClone(signals) as T[];
  out.forEach(namedReplacer((id) => (PSEUDONYM.test(id) ? id : alias(id))));
  return out;
}

/** Signals (subject and words), then the subjects of series and leading indicators. */
function replaceInSignals(signals: Named[], subjects: { subject: Subject }[], alias: Pseudonymiser): void {
  signals.forEach(namedReplacer(alias));
  for (const { subject } of subjects) if (subject.people) subject.people = subject.people.map(alias);
}

/** Replaces the people of a finding's or signal's subject, and their ids where its words name them. */
function namedReplacer(alias: Pseudonymiser): (item: Named) => void {
  return (item) => {
    const people = item.subject.people;
    if (!people?.length) return;
    const inWords = idPattern(people);
    const words = (text: string) => text.replace(inWords, alias);
    item.message = words(item.message);
    item.questions = item.questions.map(words);
    for (const e of item.evidence) {
      e.label = words(e.label);
      if (typeof e.value === "string") e.value = words(e.value);
      if (typeof e.reference === "string") e.reference = words(e.reference);
    }
    item.subject.people = people.map(alias);
  };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whole-id occurrences of any of `ids` in text: not inside a longer id (letters, digits, _ @ - around it; a dot only
 * ends a sentence). Longer ids first, so "P1" never matches inside "P17".
 */
function idPattern(ids: readonly string[]): RegExp {
  const alternatives = [...new Set(ids)]
    .sort((a, b) => b.length - a.length)
    .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(
    `(?<![\\p{L}\\p{N}_@.-])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`,
    "gu",
  );
}
