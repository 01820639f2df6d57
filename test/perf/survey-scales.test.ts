// The scales' fast paths against the plain ones they replaced (test/perf/reference/scales-plain.ts): same figures,
// same order, same numbers to the last bit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PeopleData, SurveyData } from "../../src/model/types.js";
import { participation } from "../../src/survey/participation.js";
import { TOTAL, wavesOf } from "../../src/survey/cells.js";
import { figureKey, RESPONSES } from "../../src/survey/release.js";
import { cronbachAlpha, pairStatistics } from "../../src/survey/reliability.js";
import { scoreScale } from "../../src/survey/scored.js";
import { keyItems, summarise } from "../../src/survey/scoring.js";
import { pick } from "./reference/scoring-plain.js";
import { attributeCodes, figuresByWave } from "../../src/survey/wave-groups.js";
import { propertyRuns } from "../helpers/size.js";
import { plainFiguresByWave, plainParticipation } from "./reference/scales-plain.js";
import { plainItemResults, plainPairwiseCovariance, plainShownItems } from "./reference/items-plain.js";
import { itemResults, shownItems } from "../../src/survey/items.js";

const RUNS = propertyRuns(100, 500);

describe("the scales' fast paths equal the plain ones", () => {
  // A scale's figures per wave were its groups' rows picked and summarised one group at a time
  // (test/perf/reference/scales-plain.ts); now each wave's scored rows are sorted by group, once per attribute, and
  // summed in long loops over typed columns (src/survey/wave-groups.ts). Held to the plain figures, key order
  // included, and to the plain cells' rows, scores and means for the wave changes; participation, counted by the
  // same codes, to the current wave's rows grouped.
  it("a scale's figures and participation from the typed columns equal the groups picked and summarised one by one", () => {
    const label = fc.option(fc.constantFrom("b", "a", "C", "é", ""), { nil: null, freq: 6 });
    const drawn = fc.integer({ min: 0, max: 40 }).chain((rows) =>
      fc.record({
        waved: fc.boolean(),
        wave: fc.array(fc.option(fc.constantFrom("w0", "w1"), { nil: null, freq: 8 }), {
          minLength: rows,
          maxLength: rows,
        }),
        team: fc.array(label, { minLength: rows, maxLength: rows }),
        org: fc.array(label, { minLength: rows, maxLength: rows }),
        answers: fc.array(fc.array(fc.constantFrom(NaN, 1, 2, 3, 4, 5, 2.5), { minLength: rows, maxLength: rows }), {
          minLength: 3,
          maxLength: 3,
        }),
        reverse: fc.subarray(["Q1", "Q2", "Q3"]),
        minAnswered: fc.constantFrom(0.3, 0.5, 1),
        bands: fc.option(fc.record({ low: fc.constantFrom(2, 3) }, { requiredKeys: [] }), { nil: undefined }),
        hidden: fc.array(fc.boolean(), { minLength: 17, maxLength: 17 }),
      }),
    );
    let shownGroups = 0;
    fc.assert(
      fc.property(drawn, ({ waved, wave, team, org, answers, reverse, minAnswered, bands, hidden }) => {
        const items = ["Q1", "Q2", "Q3"];
        const survey = {
          rows: wave.length,
          respondents: wave.map(() => null),
          waves: waved ? wave : wave.map(() => null),
          waveOrder: waved ? ["w0", "w1"] : [],
          waveDates: {},
          groups: { team, org },
          answers: Object.fromEntries(items.map((item, i) => [item, Float64Array.from(answers[i])])),
        } as SurveyData;
        const waves = wavesOf(survey);
        const all = [...Array(survey.rows).keys()];
        const filtered = survey.waveOrder.map((w) => ({ label: w, rows: all.filter((r) => survey.waves[r] === w) }));
        expect(waves).toEqual(waved ? filtered : [{ label: null, rows: all }]);
        const scale = scoreScale("s", { items, reverse, min: 1, max: 5, minAnswered, bands }, survey);
        // Some figures hidden, by a hash of their key, so cells are shown in one wave and not the other.
        const hash = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 17, 0);
        const keys = waves.flatMap(({ label: w }) =>
          ["f", RESPONSES].flatMap((f) => [
            figureKey(f, w, null, null),
            ...["team", "org"].flatMap((a) => ["b", "a", "C", "é", ""].map((v) => figureKey(f, w, a, v))),
          ]),
        );
        const release = { family: "f", shown: new Set(keys.filter((key) => !hidden[hash(key)])) };
        const reliabilityOf = (w: number) => cronbachAlpha(scale.keyed.columns, waves[w].rows);
        const attributes = ["team", "org"];
        const fast = figuresByWave(scale, waves, attributeCodes(survey, attributes), release, reliabilityOf);
        const plain = plainFiguresByWave(scale, survey, waves, attributes, release, reliabilityOf);
        // JSON for the key order (NaN and −0 aside), toEqual for the numbers.
        for (const key of ["waveResults", "groups", "totals"] as const) {
          expect(JSON.stringify(fast[key])).toBe(JSON.stringify(plain[key]));
          expect(fast[key]).toEqual(plain[key]);
        }
        // Participation in the latest wave, the headcounts of a few people (some who left, some without a team).
        const people = {
          people: ["a", "b", "é", "x", "b"].map((team, i) => ({
            id: `p${i}`,
            attributes: i === 1 ? {} : { Team: team },
            ...(i === 4 ? { left: 0 } : {}),
          })),
          index: new Map(),
          attributeColumns: ["Team"],
          source: "people",
        } as PeopleData;
        const codes = attributeCodes(survey, attributes);
        const current = waves.at(-1)!;
        expect(participation(codes, current, people, release.shown)).toEqual(
          plainParticipation(survey, current, attributes, people, release.shown),
        );
        fast.shownGroups.forEach((cells, w) => {
          expect([...cells.keys()]).toEqual([...plain.shownGroups[w].keys()]);
          for (const [cell, sample] of cells) {
            const rows = plain.shownGroups[w].get(cell)!;
            expect(Array.from(sample.rows)).toEqual(rows);
            expect(sample.scores).toEqual(pick(scale.scores, rows));
            expect(sample.mean).toBe(summarise(sample.scores).mean);
            if (cell !== TOTAL) shownGroups++;
          }
        });
      }),
      { numRuns: RUNS },
    );
    expect(shownGroups).toBeGreaterThan(RUNS);
  });

  // The items table and α's covariances were a loop over the rows per item and per pair of items, and the rows
  // answering an item filtered into arrays to be counted (test/perf/reference/items-plain.ts); now one loop over the
  // rows serves every item, and one every pair (src/survey/items.ts, reliability.ts). Held to the plain figures and
  // to the plain choice of the item means shown, with items skipped so that some are withheld.
  it("items and pairwise covariances from one loop over the rows equal a loop per item and per pair", () => {
    let withheld = 0;
    const drawn = fc.integer({ min: 0, max: 30 }).chain((rows) =>
      fc.record({
        answers: fc.array(
          fc.array(fc.constantFrom(NaN, 1, 2, 3, 4, 5, 2.5, 1 / 3), { minLength: rows, maxLength: rows }),
          { minLength: 1, maxLength: 5 },
        ),
        rows: fc.subarray([...Array(rows).keys()]),
        reverse: fc.subarray(["Q0", "Q2"]),
        k: fc.integer({ min: 1, max: 6 }),
      }),
    );
    fc.assert(
      fc.property(drawn, ({ answers, rows, reverse, k }) => {
        const ids = answers.map((_, i) => `Q${i}`);
        const keyed = keyItems(
          Object.fromEntries(ids.map((id, i) => [id, Float64Array.from(answers[i])])),
          ids,
          reverse,
          1,
          5,
        );
        const { covariance, together } = pairStatistics(keyed.columns, rows);
        expect(covariance).toEqual(plainPairwiseCovariance(keyed.columns, rows));
        const answeredBoth = (i: number, j: number) =>
          rows.filter((r) => !Number.isNaN(keyed.columns[i][r]) && !Number.isNaN(keyed.columns[j][r])).length;
        expect(Array.from(together)).toEqual(ids.flatMap((_, i) => ids.map((_, j) => answeredBoth(i, j))));
        const reliability = cronbachAlpha(keyed.columns, rows);
        const { items, anyAnswered } = itemResults(ids, keyed, rows, 5, reliability);
        const plain = plainItemResults(ids, keyed, rows, 5, reliability);
        expect(JSON.stringify(items)).toBe(JSON.stringify(plain));
        expect(items).toEqual(plain);
        const shown = shownItems(items, anyAnswered, reliability.together, k);
        expect(shown).toEqual(plainShownItems(keyed, rows, plain, k));
        if (shown.some((s, i) => !s && items[i].n >= k)) withheld++;
      }),
      { numRuns: RUNS },
    );
    expect(withheld).toBeGreaterThan(RUNS / 10);
  });
});
