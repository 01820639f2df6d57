// Deep equality for large values, such as a fast path's result held to the plain path's in a property test. vitest's
// toEqual walks them in JavaScript with its matcher machinery, seconds of CPU over a suite; node's isDeepStrictEqual
// gives the verdict in a fraction of that and is at least as strict (types, -0, undefined properties and sparse
// arrays count). vitest's toStrictEqual runs only on a mismatch, for its diff.
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";

/** Fails unless `actual` and `expected` are deeply and strictly equal (node's isDeepStrictEqual), with a diff. */
export function expectDeepEqual<T>(actual: T, expected: T, message?: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual, message).toStrictEqual(expected);
  expect.fail(`${message ?? "values"}: not strictly deep-equal (node's isDeepStrictEqual), yet alike to vitest`);
}
