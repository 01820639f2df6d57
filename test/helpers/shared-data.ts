// Reference data from outside the repository (../shared/data beside the clone) is optional. A test that uses it
// reads it in beforeAll or in the test itself, never while vitest collects the file, and skips with a note naming
// the missing file: a fresh clone without ../shared runs green, and a clone with it runs the extra reference tests.
import { existsSync } from "node:fs";
import { join } from "node:path";

const SHARED_DATA = join(import.meta.dirname, "../../../shared/data");

export const sharedDataPath = (name: string) => join(SHARED_DATA, name);
export const hasSharedData = (name: string) => existsSync(sharedDataPath(name));
/** Why a test was skipped, for ctx.skip and test titles. */
export const missingSharedData = (name: string) => `needs ../shared/data/${name} beside the clone (absent here)`;
