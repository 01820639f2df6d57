// vitest setupFiles: the test workers keep the latest 32 drawings of each kind (src/report/charts/latest.ts). They share
// modules across files (vitest.config.ts, isolate: false) and draw the demo's charts many times; a CLI run draws each
// chart once and keeps none. test/security/determinism.test.ts keeps none while it compares two runs' charts.
import { keepDrawings } from "../../src/report/charts/latest.js";

keepDrawings(32);
